// kernel/lib/fmt.ts, compiled for the host: every printer on edge values and
// seeded random 64-bit patterns, against BigInt's own formatting.
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../fuzz/generator.js';
import { buildHostProgram, runWithInput } from './host.js';

const EDGES = [0n, 1n, 9n, 10n, 15n, 16n, 255n, 0x7fffffffn, 0xffffffffn, 10n ** 19n - 1n, 10n ** 19n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n];

function expectedLine(v: bigint): string {
  const signed = BigInt.asIntN(64, v);
  return `${signed} ${v} 0x${v.toString(16)} ${v.toString(2)} 0x${v.toString(16).padStart(8, '0')}`;
}

describe('kernel number formatting (host build)', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildHostProgram('fmt-main.ts');
  });

  it('prints edge values and random patterns like BigInt does', () => {
    const rand = mulberry32(7);
    const values = [...EDGES];
    for (let i = 0; i < 500; i++) {
      const bits = BigInt(Math.floor(rand() * 2 ** 32)) << 32n | BigInt(Math.floor(rand() * 2 ** 32));
      values.push(bits >> BigInt(Math.floor(rand() * 64))); // all magnitudes
    }
    const input = new BigUint64Array(values);
    const out = runWithInput(exe, new Uint8Array(input.buffer));
    expect(out).toEqual(values.map(expectedLine));
  });
});
