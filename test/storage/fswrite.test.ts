// Writing the ext2 volume from a user program, checked from outside: the
// `fswrite` program (userland/programs/fswrite.ts) runs its script of
// creates, writes, appends, truncates, links, renames, unlinks, mkdir and
// rmdir, then a seeded random torture against a model of its own, on the
// host over a directory and on tskc over a fresh ext2 volume: both must
// pass with the same output. After QEMU is gone the host's e2fsck -fn
// must find the volume clean, and debugfs must read back the bytes the
// script left and the same torture files as the host's run left. A small
// volume runs out of inodes and of blocks with ENOSPC and gets every one
// back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from './vm.js';
import { debugfsCat, fsck, makeExt2, stage } from './ext2image.js';

const SCRIPT = ['create', 'sparse', 'names', 'directories', 'unlinked'];
const SEED = 7;
const OPS = 3000;

function pattern(seed: number, from: number, len: number): Buffer {
  const b = Buffer.alloc(len);
  for (let i = 0; i < len; i++) {
    const at = from + i;
    b[i] = (at * 7 + Math.floor(at / 1024) * 3 + seed * 13) & 0xff;
  }
  return b;
}

const verdicts = (groups: string[]): string => `${groups.map((g) => `fswrite: ${g} ok\n`).join('')}fswrite: done, 0 failed\n`;

describe('ext2 writing', () => {
  it('passes the fswrite script and torture on Linux and on tskc, and e2fsck finds the volume clean', async () => {
    const exe = buildUserProgram('programs/fswrite.ts');
    const hostDir = mkdtempSync(join(tmpdir(), 'tskc-fswrite-'));
    const host = await run(exe, [hostDir]);
    expect(host.stdout).toBe(verdicts(SCRIPT));
    const hostTorture = await run(exe, [hostDir, 'torture', String(SEED), String(OPS)]);
    expect(hostTorture.stdout).toBe(verdicts(['torture']));

    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('welcome to tskc\n') } }), 16, 1024, false);
    const vm = await bootShellWithDisks([{ file: image }]);
    expect(await shellRun(vm, 'fswrite /', 120_000)).toBe(verdicts(SCRIPT));
    const before = await shellRun(vm, 'mem');
    expect(await shellRun(vm, `fswrite / torture ${SEED} ${OPS}`, 300_000)).toBe(verdicts(['torture']));
    expect(await shellRun(vm, 'mem')).toBe(before); // every inode, file and path given back
    await vm.kill();

    const check = fsck(image);
    expect(check.output).not.toMatch(/Fix\?|ERROR|Illegal|Inode .* has/);
    expect(check.status).toBe(0);
    expect(debugfsCat(image, '/w/x').equals(Buffer.concat([pattern(1, 0, 3000), Buffer.alloc(1000)]))).toBe(true);
    expect(debugfsCat(image, '/w/big').equals(Buffer.concat([pattern(2, 0, 65536), Buffer.alloc(100000 - 65536)]))).toBe(true);
    expect(debugfsCat(image, '/w/m/file-001').toString()).toBe('w/m/file-001');
    expect(debugfsCat(image, '/etc/motd').toString()).toBe('welcome to tskc\n');
    for (let k = 0; k < 6; k++) {
      let want: Buffer | null = null;
      try { want = readFileSync(join(hostDir, `t/f${k}`)); } catch { want = null; }
      if (want) expect(debugfsCat(image, `/t/f${k}`).equals(want), `t/f${k}`).toBe(true);
    }
  }, hangLimit(600_000));

  it('runs out of inodes and blocks with ENOSPC on a small volume, and gets them all back', async () => {
    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('hi\n') } }), 2, 1024, false, 'ext2', ['-N', '64']);
    const vm = await bootShellWithDisks([{ file: image }]);
    const out = await shellRun(vm, 'fswrite / fill', 120_000);
    expect(out).toMatch(/^fswrite: filled \d+ files, \d+ KiB\nfswrite: fill ok\nfswrite: done, 0 failed\n$/);
    await vm.kill();
    const check = fsck(image);
    expect(check.status, check.output).toBe(0);
  }, hangLimit(300_000));
});
