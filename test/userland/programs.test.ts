// The user programs built for the host: hello's output and argv, crash's
// signals, torture's summary. Linux is the kernel here; the tskc kernel runs
// the same binaries' user-target builds later (docs/syscall-abi.md).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUserProgram, run } from './build.js';

describe('hello', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildUserProgram('programs/hello.ts');
  });

  it('greets with its pid and prints the arguments it got from the initial stack', async () => {
    const r = await run(exe, ['one', 'two words', '']);
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^hello from tskc userland, pid [1-9]\d*$/);
    expect(lines.slice(1)).toEqual(['arg 1: one', 'arg 2: two words', 'arg 3: ', '']);
  });
});
