// Vec<i32> (runtime/std/vec.ts) on the linux target against a JavaScript
// array over long seeded random operation sequences: push, pop, insert,
// remove, swap-remove, get, set, indexOf, sort, binary search, for…of,
// clear, free; and every heap block returned after free().
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibraryProgram, expectModel, randomInts, runOps, type Op } from './ops.js';

/** Like Java's binarySearch: an index of `x`, or -(insertion point) - 1. */
function search(xs: number[], x: number): number[] {
  const hits = xs.flatMap((y, i) => (y === x ? [i] : []));
  return hits.length > 0 ? hits : [-xs.filter((y) => y < x).length - 1];
}

/** Random operations from `seed` and the output lines the model predicts (each a list of accepted lines). */
function randomCase(seed: number, count: number): { ops: Op[]; expected: string[][] } {
  const int = randomInts(seed);
  const xs: number[] = [];
  const ops: Op[] = [];
  const expected: string[][] = [];
  let sorted = false;
  let growth = 60;
  for (let i = 0; i < count; i++) {
    if (i % 500 === 0) growth = [30, 60, 90][int(3)]!;
    const r = int(100);
    const value = int(2000) - 1000;
    const at = xs.length > 0 ? int(xs.length) : 0;
    const emit = (op: Op, out: string): void => {
      ops.push(op);
      expected.push([out]);
    };
    if (r < growth * 0.6) {
      xs.push(value);
      emit(['P', value, 0], String(xs.length));
      sorted = false;
    } else if (r < growth * 0.8) {
      const where = int(xs.length + 1);
      xs.splice(where, 0, value);
      emit(['I', where, value], String(xs.length));
      sorted = false;
    } else if (r < growth) {
      if (xs.length === 0) continue;
      xs[at] = value;
      emit(['S', at, value], String(value));
      sorted = false;
    } else if (r < growth + 10 && xs.length > 0) {
      emit(['O', 0, 0], String(xs.pop()));
    } else if (r < growth + 15 && xs.length > 0) {
      emit(['R', at, 0], String(xs.splice(at, 1)[0]));
    } else if (r < growth + 20 && xs.length > 0) {
      const v = xs[at]!;
      xs[at] = xs[xs.length - 1]!;
      xs.pop();
      emit(['W', at, 0], String(v));
      sorted = false;
    } else if (r < 91 && xs.length > 0) {
      emit(['G', at, 0], String(xs[at]));
    } else if (r < 93) {
      const probe = int(2) === 0 ? value : xs[at] ?? value;
      emit(['N', probe, 0], String(xs.indexOf(probe)));
    } else if (r < 95) {
      xs.sort((a, b) => a - b);
      sorted = true;
      emit(['T', 0, 0], xs.length > 0 ? `${xs[0]} ${xs[xs.length - 1]}` : '0 0');
    } else if (r < 97 && sorted) {
      const probe = int(3) === 0 ? value : xs[at] ?? value;
      ops.push(['B', probe, 0]);
      expected.push(search(xs, probe).map(String));
    } else if (r < 99) {
      emit(['F', 0, 0], `${xs.length} ${xs.reduce((s, x) => s + x, 0)}`);
    } else if (int(4) === 0) {
      xs.length = 0;
      emit([int(2) === 0 ? 'C' : 'X', 0, 0], '0');
    }
  }
  return { ops, expected };
}

describe('Vec<i32> against an array model', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildLibraryProgram('vec-main.ts');
  });

  it('matches the model on seeded random sequences and frees every block', () => {
    expectModel(exe, [1, 2, 3, 0xc0ffee], (seed) => randomCase(seed, 30_000), (c, seed) => {
      expect(c.ops.filter((o) => o[0] === 'T').length, `seed ${seed}: sorts`).toBeGreaterThan(100);
    });
  });

  it('sorts long runs of equal, ascending and descending keys (introsort paths)', () => {
    const ops: Op[] = [];
    const n = 5000;
    for (let i = 0; i < n; i++) ops.push(['P', i % 3 === 0 ? 7 : n - i, 0]);
    ops.push(['T', 0, 0], ['F', 0, 0], ['G', 0, 0], ['G', n - 1, 0]);
    const out = runOps(exe, ops);
    const xs = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 7 : n - i)).sort((a, b) => a - b);
    expect(out.slice(n)).toEqual([`${xs[0]} ${xs[n - 1]}`, `${n} ${xs.reduce((s, x) => s + x, 0)}`, String(xs[0]), String(xs[n - 1]), 'live 0']);
  });
});
