// HashMap<i32, i32>, HashMap<string, i32> and HashSet<i64>
// (runtime/std/hashmap.ts) on the linux target against JavaScript's Map and
// Set over long seeded random operation sequences: phases that mostly
// insert and phases that mostly delete (so probe runs are shifted back
// often), small key ranges (collisions of the same keys) and wide ones; and
// every heap block returned after free().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLibraryProgram, expectModel, randomInts, runOps, type Op } from './ops.js';

const WORDS: string[] = JSON.parse(readFileSync(join(import.meta.dirname, 'words.json'), 'utf8'));

function randomCase(seed: number, count: number): { ops: Op[]; expected: string[] } {
  const int = randomInts(seed);
  const ints = new Map<number, number>();
  const strs = new Map<string, number>();
  const set = new Set<string>();
  const ops: Op[] = [];
  const expected: string[] = [];
  const emit = (op: Op, out: string | number | boolean): void => {
    ops.push(op);
    expected.push(String(out));
  };
  let insert = 60;
  let range = 1000;
  for (let i = 0; i < count; i++) {
    if (i % 2000 === 0) {
      insert = [20, 50, 80][int(3)]!;
      range = [16, 1000, 2 ** 31][int(3)]!;
    }
    const k = int(range) - (range > 1000 ? 2 ** 30 : 0);
    const v = int(1 << 30);
    const r = int(100);
    if (r < insert * 0.6) {
      emit(['S', k, v], !ints.has(k));
      ints.set(k, v);
    } else if (r < insert * 0.8) {
      const w = int(WORDS.length);
      emit(['s', w, v], !strs.has(WORDS[w]!));
      strs.set(WORDS[w]!, v);
    } else if (r < insert) {
      const hi = int(4);
      const key = `${hi}:${k}`;
      emit(['a', hi, k], !set.has(key));
      set.add(key);
    } else if (r < insert + (100 - insert) * 0.4) {
      emit(['D', k, 0], ints.delete(k));
    } else if (r < insert + (100 - insert) * 0.55) {
      const w = int(WORDS.length);
      emit(['d', w, 0], strs.delete(WORDS[w]!));
    } else if (r < insert + (100 - insert) * 0.7) {
      const hi = int(4);
      emit(['r', hi, k], set.delete(`${hi}:${k}`));
    } else if (r < 90) {
      emit(['G', k, 0], ints.get(k) ?? -1);
    } else if (r < 93) {
      emit(['H', k, 0], ints.has(k));
    } else if (r < 95) {
      const w = int(WORDS.length);
      emit(['g', w, 0], strs.get(WORDS[w]!) ?? -1);
    } else if (r < 97) {
      const hi = int(4);
      emit(['h', hi, k], set.has(`${hi}:${k}`));
    } else if (r < 98) {
      emit(['Z', 0, 0], `${ints.size} ${strs.size} ${set.size}`);
    } else if (r < 99) {
      let keys = 0;
      let vals = 0;
      for (const [key, val] of ints) {
        keys += key;
        vals += val;
      }
      emit(['I', 0, 0], `${ints.size} ${keys} ${vals}`);
    } else if (int(10) === 0) {
      ints.clear();
      strs.clear();
      set.clear();
      emit([int(2) === 0 ? 'C' : 'X', 0, 0], 0);
    }
  }
  return { ops, expected };
}

describe('HashMap and HashSet against Map and Set', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildLibraryProgram('hashmap-main.ts');
  });

  it('matches the model on seeded random sequences and frees every block', () => {
    expectModel(exe, [1, 2, 3, 77, 0xbeef], (seed) => randomCase(seed, 40_000));
  });

  it('keeps lookups working after many deletions (no tombstones): a full cycle of inserts and deletes', () => {
    const ops: Op[] = [];
    const expected: string[] = [];
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < 500; k++) ops.push(['S', round * 1000 + k, k]), expected.push('true');
      for (let k = 0; k < 500; k++) ops.push(['D', round * 1000 + k, 0]), expected.push('true');
    }
    ops.push(['Z', 0, 0], ['G', 0, 0]);
    expected.push('0 0 0', '-1', 'live 0');
    expect(runOps(exe, ops)).toEqual(expected);
  });
});
