// The file system calls from a user program, on tskc and on Linux: the
// `files` program checks chdir/getcwd, lseek, the stat calls, getdents64
// and their errors against the same staged tree, on the host directly
// and on tskc from an ext2 volume made of that tree; both must pass
// with the same output; a second run gives back every frame and heap byte.
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from './vm.js';
import { makeExt2, stage } from './ext2image.js';

const GROUPS = ['directories', 'lseek', 'stat', 'getdents64'];

describe('file system calls', () => {
  it('pass the files program on Linux and on tskc alike', async () => {
    const tree = stage({
      'etc/motd': { data: Buffer.from('welcome to tskc\n') },
      'dir/sub/deep.txt': { data: Buffer.from('deep down\n') },
      'lnk': { link: 'etc/motd' },
    });
    const expected = `${GROUPS.map((g) => `files: ${g} ok\n`).join('')}files: done, 0 failed\n`;
    const host = await run(buildUserProgram('programs/files.ts'), [tree]);
    expect(host.stdout).toBe(expected);
    expect(host.exitCode).toBe(0);
    const vm = await bootShellWithDisks([{ file: makeExt2(tree, 8, 1024, true), snapshot: true }]);
    expect(await shellRun(vm, 'files /')).toBe(expected);
    const before = await shellRun(vm, 'mem');
    expect(await shellRun(vm, 'files /')).toBe(expected);
    expect(await shellRun(vm, 'mem')).toBe(before); // every open file, inode and directory entry given back
  }, hangLimit(240_000));
});
