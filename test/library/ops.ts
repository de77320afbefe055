// Shared by the library's model tests: operations are encoded 9 bytes each
// (an op byte, then two little-endian i32 arguments) for the test program's
// stdin (ops-input.ts reads them); the model predicts one output line each.
import { join } from 'node:path';
import { buildHostProgram, runWithInput } from '../kernel-lib/host.js';
import { mulberry32 } from '../fuzz/generator.js';

export type Op = [op: string, a: number, b: number];

export function encode(ops: Op[]): Uint8Array {
  const buf = new DataView(new ArrayBuffer(ops.length * 9));
  ops.forEach(([op, a, b], i) => {
    buf.setUint8(i * 9, op.charCodeAt(0));
    buf.setInt32(i * 9 + 1, a, true);
    buf.setInt32(i * 9 + 5, b, true);
  });
  return new Uint8Array(buf.buffer);
}

/** Compiles test/library/`name` for linux. */
export const buildLibraryProgram = (name: string): string => buildHostProgram(join(import.meta.dirname, name));

/** Runs the program on `ops`; returns its output lines. */
export const runOps = (exe: string, ops: Op[]): string[] => runWithInput(exe, encode(ops));

/** A seeded generator of integers in [0, n). */
export function randomInts(seed: number): (n: number) => number {
  const rand = mulberry32(seed);
  return (n) => Math.floor(rand() * n);
}

/** The operations of a model test and, for each, the output lines the model accepts (usually one). */
export interface ModelCase {
  ops: Op[];
  expected: (string | string[])[];
}

/**
 * Runs the program on each seed's case and checks every output line against
 * the model, then that the program's last line reports no live heap block.
 */
export function expectModel(exe: string, seeds: number[], makeCase: (seed: number) => ModelCase, check: (c: ModelCase, seed: number) => void = () => {}): void {
  for (const seed of seeds) {
    const c = makeCase(seed);
    check(c, seed);
    const out = runOps(exe, c.ops);
    expectLines(out, c, `seed ${seed}`);
  }
}

function expectLines(out: string[], c: ModelCase, what: string): void {
  if (out.length !== c.expected.length + 1) throw new Error(`${what}: ${out.length} lines for ${c.expected.length} operations`);
  c.expected.forEach((e, i) => {
    const accepted = typeof e === 'string' ? [e] : e;
    if (!accepted.includes(out[i]!)) throw new Error(`${what}, op ${i} (${c.ops[i]!.join(' ')}): got ${out[i]}, expected ${accepted.join(' or ')}`);
  });
  if (out[out.length - 1] !== 'live 0') throw new Error(`${what}: heap blocks left after free(): ${out[out.length - 1]}`);
}
