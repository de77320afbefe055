// kernel/lib/ring.ts, compiled for the host: seeded random operation
// sequences (phases that mostly push, so the ring overflows, and phases that
// mostly pop, so it drains and the indices wrap around the slots) against a
// plain-array model of the documented policy: capacity 256, a push into a
// full ring drops the new byte and counts it.
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../fuzz/generator.js';
import { buildHostProgram, runWithInput } from './host.js';

const CAPACITY = 256;

interface Case {
  input: Uint8Array;
  expected: string[];
}

/** Random operations from `seed` and the output the model predicts for them. */
function randomCase(seed: number, count: number): Case {
  const rand = mulberry32(seed);
  const bytes: number[] = [];
  const expected: string[] = [];
  const model: number[] = [];
  let dropped = 0;
  let pushPercent = 50;
  for (let i = 0; i < count; i++) {
    if (i % 400 === 0) pushPercent = [10, 50, 90, 100, 0][Math.floor(rand() * 5)]!;
    const r = rand() * 100;
    if (r < 2) {
      bytes.push(0x53, 0); // 'S'
      expected.push(String(model.length));
    } else if (r - 2 < (pushPercent * 98) / 100) {
      const b = Math.floor(rand() * 256);
      bytes.push(0x50, b); // 'P'
      if (model.length < CAPACITY) {
        model.push(b);
        expected.push('1');
      } else {
        dropped++;
        expected.push('0');
      }
    } else {
      bytes.push(0x47, 0); // 'G'
      expected.push(String(model.length > 0 ? model.shift()! : -1));
    }
  }
  expected.push(`dropped ${dropped}`);
  return { input: Uint8Array.from(bytes), expected };
}

describe('kernel ring buffer (host build)', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildHostProgram('ring-main.ts');
  });

  it('fills to exactly 256 bytes, drops the newest and keeps the rest intact', () => {
    const bytes: number[] = [];
    for (let i = 0; i < 300; i++) bytes.push(0x50, i & 0xff);
    bytes.push(0x53, 0);
    for (let i = 0; i < 257; i++) bytes.push(0x47, 0);
    const out = runWithInput(exe, Uint8Array.from(bytes));
    expect(out.slice(0, 300)).toEqual([...Array(256).fill('1'), ...Array(44).fill('0')]);
    expect(out[300]).toBe('256');
    expect(out.slice(301, 557)).toEqual(Array.from({ length: 256 }, (_, i) => String(i)));
    expect(out[557]).toBe('-1');
    expect(out[558]).toBe('dropped 44');
  });

  it('matches the model on seeded random sequences (overflow and wraparound)', () => {
    for (const seed of [1, 2, 3, 0xdecafbad, 20240917]) {
      const c = randomCase(seed, 20_000);
      // The sequence must exercise what it is meant to: drops and many laps of the slots.
      expect(c.expected.filter((l) => l === '0').length, `seed ${seed}: no overflow`).toBeGreaterThan(0);
      expect(c.expected.filter((l) => l === '1').length, `seed ${seed}: too few laps`).toBeGreaterThan(4 * CAPACITY);
      expect(runWithInput(exe, c.input), `seed ${seed}`).toEqual(c.expected);
    }
  });
});
