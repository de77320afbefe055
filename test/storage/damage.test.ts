// Volumes the kernel must not trust: refused mounts (an ext4 volume, a bad
// magic) name what is wrong and the kernel boots to the shell anyway; a
// block pointer outside the volume and a broken directory entry are
// errors for the program, not a crash; and seeded random damage to the
// metadata of small volumes never panics, faults or hangs the kernel
// (every command comes back to the prompt).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROMPT, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import type { Qemu } from '../harness/qemu.js';
import { bootShellWithDisks } from './vm.js';
import { noise } from './bytes.js';
import { debugfsWrite, makeExt2, stage } from './ext2image.js';

const motd = Buffer.from('welcome to tskc\n');

function smallTree(): string {
  return stage({
    'etc/motd': { data: motd },
    'dir/sub/deep.txt': { data: Buffer.from('deep down\n') },
    'big': { data: noise(300 * 1024, 3) },
    'lnk': { link: 'etc/motd' },
  });
}

/** No panic, no CPU exception report in the kernel's log. */
function expectHealthy(vm: Qemu): void {
  expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection|invalid opcode/);
}

describe('damaged volumes', () => {
  it('refuses an ext4 volume and a bad superblock by name, and boots to the shell', async () => {
    const ext4 = makeExt2(smallTree(), 8, 4096, false, 'ext4');
    let vm = await bootShellWithDisks([{ file: ext4, snapshot: true }]);
    expect(vm.serial()).toContain('ext2: not mounted: extents (ext4) are not supported');
    expect(vm.serial()).toContain('fs: / is not mounted: only /dev is there');
    expect(await shellRun(vm, 'cat /etc/motd')).toBe('cat: cannot open /etc/motd\ncat: exited with status 1\n');
    await vm.kill();

    const bad = makeExt2(smallTree(), 8, 1024, false);
    const bytes = readFileSync(bad);
    bytes.writeUInt16LE(0x1234, 1024 + 56); // s_magic
    writeFileSync(bad, bytes);
    vm = await bootShellWithDisks([{ file: bad, snapshot: true }]);
    expect(vm.serial()).toContain('ext2: not mounted: no ext2 superblock: bad magic (0x1234)');
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
  }, hangLimit(240_000));

  it('turns a block pointer outside the volume and a broken directory entry into errors', async () => {
    const image = makeExt2(smallTree(), 8, 1024, false);
    debugfsWrite(image, 'sif /big block[IND] 4000000000'); // the single indirect block: far outside
    debugfsWrite(image, 'sif /dir/sub block[0] 0'); // the directory's only block: a hole
    const vm = await bootShellWithDisks([{ file: image, snapshot: true }]);
    const big = await shellRun(vm, 'cat /big | sum');
    expect(big).toMatch(/^12288 \d+\n/); // the 12 direct blocks, then EUCLEAN
    expect(await shellRun(vm, 'ls /dir/sub')).toBe('');
    expect(await shellRun(vm, 'cat /dir/sub/deep.txt')).toBe('cat: cannot open /dir/sub/deep.txt\ncat: exited with status 1\n');
    expect(await shellRun(vm, 'cat /lnk')).toBe(motd.toString()); // the rest is fine
    expectHealthy(vm);
  }, hangLimit(240_000));

  it('survives seeded random damage to the metadata of 10 volumes', async () => {
    const pristine = readFileSync(makeExt2(smallTree(), 2, 1024, false));
    let rng = 0x5eed;
    const next = (n: number): number => {
      rng = (Math.imul(rng, 1103515245) + 12345) >>> 0;
      return (rng >>> 8) % n;
    };
    let differed = 0; // volumes whose damage showed (a refused mount or an answer unlike the pristine one's)
    for (let image = 0; image < 10; image++) {
      const bytes = Buffer.from(pristine);
      // 1 KiB blocks: superblock at 1024, group descriptors at 2048, then bitmaps, the inode table, the root directory.
      for (let k = 0; k < 24; k++) bytes[1024 + next(64 * 1024)] = next(256);
      if (image % 3 == 0) bytes.writeUInt32LE(next(0xffffffff), 2048 + 8); // the inode table pointer
      const file = `${makeExt2(smallTree(), 1, 1024, false)}.damaged`;
      writeFileSync(file, bytes);
      const vm = await bootShellWithDisks([{ file, snapshot: true }]);
      const answers = [
        await shellRun(vm, 'ls -l /', hangLimit(60_000)),
        await shellRun(vm, 'cat /etc/motd | head -c 4096', hangLimit(60_000)),
        await shellRun(vm, 'ls -l /dir/sub', hangLimit(60_000)),
        await shellRun(vm, 'cat /lnk | head -c 4096', hangLimit(60_000)),
      ];
      if (vm.serial().includes('ext2: not mounted') || answers[1] !== motd.toString() || answers[2] !== '- 10 deep.txt\n' || answers[3] !== motd.toString()) differed++;
      expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
      expect(vm.serial().endsWith(PROMPT)).toBe(true);
      expectHealthy(vm);
      await vm.kill();
    }
    expect(differed).toBeGreaterThanOrEqual(3); // the damage reached what the kernel reads
  }, hangLimit(900_000));
});
