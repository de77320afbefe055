// Writing the ext2 volume from a user program, checked from outside: the
// `fswrite` program (userland/programs/fswrite.ts) runs its script of
// creates, writes, appends, truncates, links, renames, unlinks, mkdir and
// rmdir, then a seeded random torture against a model of its own, on the
// host over a directory and on tskc over a fresh ext2 volume: both must
// pass with the same output. After QEMU is gone the host's e2fsck -fn
// must find the volume clean, and debugfs must read back the bytes the
// script left and the same torture files as the host's run left. Two
// tortures at once on a 4 KiB-block volume leave it clean and the same
// files as on the host. A small volume runs out of inodes and of blocks
// with ENOSPC and gets every one back. A volume with a read-only-compatible
// feature the kernel lacks mounts read-only and is not changed by a byte.
// Volumes with seeded random damage to their metadata are written without
// a panic or a CPU exception.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPT, shellRun } from '../kernel/kernel.js';
import type { Qemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from './vm.js';
import { debugfsCat, debugfsWrite, fsck, makeExt2, stage } from './ext2image.js';

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

/** e2fsck -fn finds `image` clean. */
function expectClean(image: string): void {
  const check = fsck(image);
  expect(check.output, check.output).not.toMatch(/Fix\?|ERROR|Illegal|Inode .* has|differences/);
  expect(check.status, check.output).toBe(0);
}

/** Each torture file under `dir` on the volume has the bytes the host's run left in `hostDir/dir`. */
function expectSameFiles(image: string, hostDir: string, dir: string): void {
  for (let k = 0; k < 6; k++) {
    let want: Buffer | null = null;
    try { want = readFileSync(join(hostDir, `${dir}/f${k}`)); } catch { want = null; }
    if (want) expect(debugfsCat(image, `/${dir}/f${k}`).equals(want), `${dir}/f${k}`).toBe(true);
  }
}

/** No panic, no CPU exception report in the kernel's log. */
function expectHealthy(vm: Qemu): void {
  expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection|invalid opcode|killed: #/);
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

    expectClean(image);
    expect(debugfsCat(image, '/w/x').equals(Buffer.concat([pattern(1, 0, 3000), Buffer.alloc(1000)]))).toBe(true);
    expect(debugfsCat(image, '/w/big').equals(Buffer.concat([pattern(2, 0, 65536), Buffer.alloc(100000 - 65536)]))).toBe(true);
    expect(debugfsCat(image, '/w/m/file-001').toString()).toBe('w/m/file-001');
    expect(debugfsCat(image, '/etc/motd').toString()).toBe('welcome to tskc\n');
    expectSameFiles(image, hostDir, 't');
  }, hangLimit(600_000));

  it('leaves a 4 KiB-block volume with 256-byte inodes clean after two tortures at once', async () => {
    const exe = buildUserProgram('programs/fswrite.ts');
    const hostDir = mkdtempSync(join(tmpdir(), 'tskc-fswrite-'));
    for (const [seed, dir] of [[11, 'a'], [12, 'b']] as const) {
      expect((await run(exe, [hostDir, 'torture', String(seed), '1500', dir])).stdout).toBe(verdicts(['torture']));
    }
    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('welcome to tskc\n') } }), 32, 4096, false, 'ext2', ['-I', '256']); // large inodes: i_extra_isize
    const vm = await bootShellWithDisks([{ file: image }]);
    const at = vm.serial().length;
    await shellRun(vm, 'fswrite / torture 11 1500 a &');
    await shellRun(vm, 'fswrite / torture 12 1500 b', 300_000);
    await shellRun(vm, 'wait', 300_000);
    const out = vm.serial().slice(at);
    expect(out.match(/fswrite: torture ok/g)?.length).toBe(2);
    expect(out.match(/fswrite: done, 0 failed/g)?.length).toBe(2);
    expect(out).not.toMatch(/FAILED/);
    expectHealthy(vm);
    await vm.kill();
    expectClean(image);
    expectSameFiles(image, hostDir, 'a');
    expectSameFiles(image, hostDir, 'b');
  }, hangLimit(600_000));

  it('mounts a volume with an unknown read-only-compatible feature read-only and changes nothing', async () => {
    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('welcome to tskc\n') } }), 4, 1024, false);
    debugfsWrite(image, 'feature huge_file'); // read-only compatible, not implemented here
    const before = readFileSync(image);
    const vm = await bootShellWithDisks([{ file: image }]);
    expect(vm.serial()).toMatch(/ext2: read-only-compatible features not implemented \(0x0*8\): mounted read-only/);
    expect(vm.serial()).toMatch(/inodes, read-only/);
    expect(await shellRun(vm, 'fswrite / readonly')).toBe(verdicts(['readonly']));
    await vm.kill();
    expect(readFileSync(image).equals(before)).toBe(true);
  }, hangLimit(300_000));

  it('gives back a removed file`s block of extended attributes, and reads a fast link that has one', async () => {
    const image = makeExt2(stage({ keep: { data: Buffer.from('hello\n') }, lnk: { link: 'keep' } }), 4, 1024, false, 'ext2', ['-I', '128']);
    debugfsWrite(image, 'ea_set /keep user.note a-value-in-a-block-of-its-own'); // 128-byte inodes: no room inside
    debugfsWrite(image, 'ea_set /lnk user.note x');
    const vm = await bootShellWithDisks([{ file: image }]);
    expect(await shellRun(vm, 'cat /lnk')).toBe('hello\n');
    expect(await shellRun(vm, 'fswrite / rm keep')).toBe('fswrite: done, 0 failed\n');
    await vm.kill();
    expectClean(image); // the attribute block is free again, the counts exact
  }, hangLimit(300_000));

  it('writes volumes with seeded random damage to their metadata without a panic or a CPU exception', async () => {
    const pristine = readFileSync(makeExt2(stage({ 'etc/motd': { data: Buffer.from('hi\n') }, 'w/keep': { data: Buffer.alloc(30000, 1) } }), 2, 1024, false));
    let rng = 0xd1e;
    const next = (n: number): number => {
      rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
      return (rng >>> 8) % n;
    };
    for (let image = 0; image < 6; image++) {
      const bytes = Buffer.from(pristine);
      // 1 KiB blocks: superblock at 1024, group descriptors at 2048, then the bitmaps, the inode table, the root directory.
      for (let k = 0; k < 24; k++) bytes[1024 + next(64 * 1024)] = next(256);
      if (image % 2 == 0) bytes.writeUInt32LE(next(0xffffffff), 2048 + next(3) * 4); // a bitmap or inode table pointer
      const file = join(mkdtempSync(join(tmpdir(), 'tskc-damaged-')), 'fs.img');
      writeFileSync(file, bytes);
      const vm = await bootShellWithDisks([{ file }]);
      await shellRun(vm, 'fswrite / fill', hangLimit(120_000));
      await shellRun(vm, 'fswrite / torture 3 400', hangLimit(120_000));
      await shellRun(vm, 'fswrite /', hangLimit(120_000));
      expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
      expect(vm.serial().endsWith(PROMPT)).toBe(true);
      expectHealthy(vm);
      await vm.kill();
    }
  }, hangLimit(900_000));

  it('runs out of inodes and blocks with ENOSPC on small volumes, stays consistent when full, and gets them all back', async () => {
    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('hi\n') } }), 2, 1024, false, 'ext2', ['-N', '64']);
    const vm = await bootShellWithDisks([{ file: image }]);
    const out = await shellRun(vm, 'fswrite / fill', 120_000);
    expect(out).toMatch(/^fswrite: filled \d+ files, \d+ KiB\nfswrite: fill ok\nfswrite: done, 0 failed\n$/);
    await vm.kill();
    expectClean(image);
    const full = makeExt2(stage({ 'etc/motd': { data: Buffer.from('hi\n') } }), 8, 4096, false, 'ext2', ['-N', '64']);
    const again = await bootShellWithDisks([{ file: full }]);
    expect(await shellRun(again, 'fswrite / fill keep', 120_000)).toMatch(/^fswrite: filled \d+ files, \d+ KiB\nfswrite: fill ok\nfswrite: done, 0 failed\n$/);
    await again.kill();
    expectClean(full); // full to the last block and inode, and consistent
  }, hangLimit(300_000));
});
