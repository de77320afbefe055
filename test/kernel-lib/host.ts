// Shared by the kernel-library tests: compile a test program that imports
// kernel sources for the linux target, and run it with bytes on stdin.
import { spawnSync } from 'node:child_process';
import { basename, isAbsolute, join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from '../compiler/programs.js';

/** Compiles test/kernel-lib/`name` (or the file at an absolute path) for linux (IR verified) and returns the executable's path. */
export function buildHostProgram(name: string): string {
  const exe = join(scratch(), basename(name).replace(/\.ts$/, ''));
  compile({ entries: [isAbsolute(name) ? name : join(import.meta.dirname, name)], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
  return exe;
}

/** Runs `exe` with `input` on stdin; returns its stdout lines (throws on a non-zero exit). */
export function runWithInput(exe: string, input: Uint8Array): string[] {
  const r = spawnSync(exe, [], { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${exe} exited with ${r.status}: ${r.stderr}`);
  return r.stdout.split('\n').slice(0, -1);
}
