// List (intrusive, two lists threaded through one pool of objects),
// MinHeap<i32>, RingBuffer<i32> and BitSet (runtime/std) on the linux target
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
});
