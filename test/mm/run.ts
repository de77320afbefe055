// Compiles a host-test program of test/mm/ for the linux target (IR verified
// after every pass) and runs it with its parameters on stdin.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from '../compiler/programs.js';

export interface HostRun {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Builds test/mm/NAME.ts once; the result runs it with `input` on stdin. */
export function buildHostProgram(name: string): (input: string) => HostRun {
  const exe = join(scratch(), name);
  compile({ entries: [join(import.meta.dirname, `${name}.ts`)], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
  return (input) => {
    const r = spawnSync(exe, [], { input, encoding: 'utf8' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };
}
