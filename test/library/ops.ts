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
