// List (intrusive, two lists threaded through one pool of objects),
// MinHeap<i32>, RingBuffer<i32>, BitSet and sortU64 (runtime/std) on the linux target
// against plain JavaScript models over seeded random operation sequences;
// and every heap block returned after free().
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibraryProgram, expectModel, randomInts, type ModelCase, type Op } from './ops.js';

const RING = 16;
const BITS = 1000;

function showList(l: number[]): string {
  let sum = 0n;
  for (const id of l) sum = BigInt.asIntN(64, sum * 31n + BigInt(id));
  return `${l.length} ${l.length} ${l.length} ${sum}`;
}

function randomCase(seed: number, count: number): ModelCase {
  const int = randomInts(seed);
  const lists: number[][] = [[], []];
  const heap: number[] = [];
  const ring: number[] = [];
  let dropped = 0;
  const bits = new Set<number>();
  const ops: Op[] = [];
  const expected: string[] = [];
  const emit = (op: Op, out: string | number | boolean): void => {
    ops.push(op);
    expected.push(String(out));
  };
  let pushShare = 50;
  for (let i = 0; i < count; i++) {
    if (i % 300 === 0) pushShare = [20, 50, 80][int(3)]!;
    const which = int(2);
    const l = lists[which]!;
    const id = int(64);
    const r = int(100);
    if (r < 40) {
      // Lists: add an object not in this list, or remove/move/pop one that is.
      const s = int(100);
      if (!l.includes(id) && s < pushShare) {
        if (int(2) === 0) l.push(id), emit(['B', id, which], l.length);
        else l.unshift(id), emit(['F', id, which], l.length);
      } else if (l.includes(id) && s < 60) {
        l.splice(l.indexOf(id), 1);
        emit(['R', id, which], l.length);
      } else if (l.includes(id) && s < 80) {
        l.splice(l.indexOf(id), 1);
        l.push(id);
        emit(['M', id, which], l.length);
      } else if (s < 90) {
        const front = int(2) === 0;
        emit(['P', front ? 0 : 1, which], (front ? l.shift() : l.pop()) ?? -1);
      } else if (s < 95) {
        emit(['C', id, which], l.includes(id));
      } else {
        emit(['S', 0, which], showList(l));
      }
    } else if (r < 60) {
      if (heap.length === 0 || int(100) < pushShare) {
        const v = int(2000) - 1000;
        heap.push(v);
        emit(['h', v, 0], heap.length);
      } else if (int(5) === 0) {
        emit(['k', 0, 0], Math.min(...heap));
      } else {
        const m = Math.min(...heap);
        heap.splice(heap.indexOf(m), 1);
        emit(['p', 0, 0], m);
      }
    } else if (r < 80) {
      if (ring.length === 0 || int(100) < pushShare) {
        const v = int(1 << 30);
        const ok = ring.length < RING;
        if (ok) ring.push(v);
        else dropped++;
        emit(['r', v, 0], `${ok} ${ring.length} ${dropped}`);
      } else {
        emit(['s', 0, 0], ring.shift()!);
      }
    } else {
      const b = int(BITS);
      const s = int(100);
      if (s < 45) bits.add(b), emit(['t', b, 0], true);
      else if (s < 75) bits.delete(b), emit(['u', b, 0], false);
      else {
        let set = -1;
        let clear = -1;
        for (let k = b; k < BITS && (set < 0 || clear < 0); k++) {
          if (set < 0 && bits.has(k)) set = k;
          if (clear < 0 && !bits.has(k)) clear = k;
        }
        emit(['f', b, 0], `${set} ${clear} ${bits.size}`);
      }
    }
  }
  return { ops, expected };
}

/**
 * Runs of samples for sortU64, each sorted and hashed: sizes around the
 * edges (0, 1, 2, a power of two and its neighbours, the buffer's 4,096),
 * values from a few (many duplicates) or all 64 bits (the high half past
 * 2^63, where a signed comparison would put them first).
 */
function sortCase(seed: number): ModelCase {
  const int = randomInts(seed);
  const ops: Op[] = [];
  const expected: string[] = [];
  for (const size of [0, 1, 2, 3, 15, 16, 17, 100, 1000, 4096]) {
    for (const spread of ['few', 'all', 'ascending', 'descending']) {
      const xs: bigint[] = [];
      for (let i = 0; i < size; i++) {
        const hi = spread === 'few' ? int(2) * 0x80000000 : int(2 ** 32);
        const lo = spread === 'few' ? int(4) : spread === 'ascending' ? i : spread === 'descending' ? size - i : int(2 ** 32);
        const v = spread === 'ascending' || spread === 'descending' ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
        xs.push(v);
        // The halves go as i32 arguments: their bit patterns.
        ops.push(['v', Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v & 0xffffffffn))]);
        expected.push(String(xs.length));
      }
      xs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      let h = 0n;
      for (const v of xs) h = BigInt.asUintN(64, h * 31n + v);
      ops.push(['V', 0, 0]);
      expected.push(`${xs.length} ${h}`);
    }
  }
  return { ops, expected };
}

describe('List, MinHeap, RingBuffer and BitSet against models', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildLibraryProgram('containers-main.ts');
  });

  it('match the models on seeded random sequences and free every block', () => {
    expectModel(exe, [1, 2, 3, 4242], (seed) => randomCase(seed, 30_000), (c) => {
      expect(c.ops.filter((o, i) => o[0] === 'r' && String(c.expected[i]).startsWith('false')).length, 'ring overflows').toBeGreaterThan(0);
    });
  });

  it('sortU64 sorts unsigned, at every size up to its buffer', () => {
    expectModel(exe, [7, 8], sortCase);
  });
});
