// Shared by the userland tests: compile a user program (shell, hello, crash,
// torture) for the linux target, which has the user target's syscall ABI,
// and run it natively with arguments and stdin.
import { join } from 'node:path';
import { execa } from 'execa';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from '../compiler/programs.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** Compiles userland/`entry` for linux (IR verified); returns the executable's path. */
export function buildUserProgram(entry: string): string {
  const exe = join(scratch(), entry.replace(/\//g, '-').replace(/\.ts$/, ''));
  compile({ entries: [join(ROOT, 'userland', entry)], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
  return exe;
}

export interface Run {
  stdout: string;
  stderr: string;
  exitCode: number | undefined;
  signal: string | undefined;
}

/** Runs `exe` with `args` and `input` on stdin, never throwing on a failure or a signal. */
export async function run(exe: string, args: string[], input = '', cwd?: string): Promise<Run> {
  const r = await execa(exe, args, { input, cwd, reject: false, timeout: 20_000, stripFinalNewline: false });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, signal: r.signal };
}
