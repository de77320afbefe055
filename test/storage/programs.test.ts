// Where programs come from: execve and spawn read /bin/NAME from the
// mounted volume through the ext2 read path (a program the initrd does not
// carry runs, and a fault in it is named by its own debug table); with no
// disk the kernel boots to the initrd's shell and only the initrd's
// programs run; a program kept after its run is read again once its file
// changes and is not found under a name it lost; broken executables on the disk and a damaged initrd are
// refused with an error, never a crash.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITRD_PROGRAMS } from '../../compiler/image/initrd.js';
import { useQemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { BANNER, kernelBuild, PROMPT, shellRun } from '../kernel/kernel.js';
import { makeExt2, stage } from './ext2image.js';
import { bootShellWithDisks, damagedCopy } from './vm.js';

describe('programs from the disk and the initrd', () => {
  it('runs a program that only the disk has, from /bin, by execve and by spawn', async () => {
    expect(INITRD_PROGRAMS).not.toContain('hello');
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    expect(vm.serial()).not.toContain('initrd:'); // the initrd says nothing unless it is damaged
    expect(await shellRun(vm, 'hello disk')).toMatch(/^hello from tskc userland, pid \d+\narg 1: disk\n$/);
    expect(await shellRun(vm, 'spawn hello too')).toMatch(/^hello from tskc userland, pid \d+\narg 1: too\n$/);
    // A fault in a program from the disk is named by the debug table in its file.
    expect(await shellRun(vm, 'crash null')).toMatch(/crash \(pid \d+\) killed: #PF page fault[^\n]*\n  rip=0x[0-9a-f]+ crash at userland\/programs\/crash\.ts:\d+/);
    // Every frame and heap byte comes back after programs from the disk have run.
    await shellRun(vm, 'repeat 3 true');
    const before = await shellRun(vm, 'mem');
    expect(await shellRun(vm, 'repeat 100 true')).toBe('repeat: 100 runs, 0 failed\n');
    expect(await shellRun(vm, 'hello a | wc')).toMatch(/^\s+2\s+/);
    expect(await shellRun(vm, 'mem')).toBe(before);
  }, hangLimit(180_000));

  it('runs a cached program again only while its file and its name stay: a rewrite runs the new bytes, a rename finds nothing', async () => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    // /bin/hello runs and stays cached (kernel/proc/programs.ts), its path too (diskprog.ts).
    expect(await shellRun(vm, 'hello one')).toMatch(/arg 1: one\n$/);
    expect(await shellRun(vm, 'spawn hello two')).toMatch(/arg 1: two\n$/);
    // Its file rewritten in place (same inode): the next run reads the new bytes, those of true.
    expect(await shellRun(vm, 'cp /bin/true /bin/hello')).toBe('');
    expect(await shellRun(vm, 'hello three')).toBe('');
    expect(await shellRun(vm, 'spawn hello four')).toBe('');
    // Renamed: the old name finds nothing, the new one runs it.
    expect(await shellRun(vm, 'mv /bin/hello /bin/renamed')).toBe('');
    expect(await shellRun(vm, 'spawn hello five')).toBe('spawn: no program named hello\n');
    expect(await shellRun(vm, 'spawn renamed six')).toBe('');
    // Rewritten at once, likely within the second it ran in (the same modification time): the write itself makes it stale.
    expect(await shellRun(vm, 'cp /bin/true /bin/x')).toBe('');
    expect(await shellRun(vm, 'spawn x')).toBe('');
    expect(await shellRun(vm, 'cp /bin/nproc /bin/x')).toBe('');
    expect(await shellRun(vm, 'spawn x')).toMatch(/^\d+\n$/);
    expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection/);
  }, hangLimit(180_000));

  it('boots with no disk to the shell of the initrd, which runs only the initrd`s programs', async () => {
    const k = await kernelBuild();
    const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, bootDisk: 'ide' });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    expect(vm.serial()).toContain('fs: no disk: / holds only /dev');
    expect(await shellRun(vm, 'cat /dev/null')).toBe(''); // cat is the initrd's
    expect(await shellRun(vm, 'hello')).toBe('unknown command: hello (try help)\n');
    expect(await shellRun(vm, 'spawn hello')).toBe('spawn: no program named hello\n');
  }, hangLimit(180_000));

  it('refuses broken executables on the disk with ENOEXEC and goes on', async () => {
    const hello = readFileSync(await helloElf());
    const truncated = hello.subarray(0, 200);
    const wild = Buffer.from(hello);
    const phoff = Number(wild.readBigUInt64LE(32));
    let load = phoff;
    while (wild.readUInt32LE(load) !== 1) load += 56; // the first PT_LOAD header
    wild.writeBigUInt64LE(0xffff_8000_0000_0000n, load + 16); // its p_vaddr: the kernel half
    const garbage = Buffer.alloc(5000, 0x41);
    const dir = stage({
      'bin/truncated': { data: truncated }, 'bin/wild': { data: wild }, 'bin/garbage': { data: garbage },
      'bin/hello': { data: hello }, 'bin/sub': { dir: true },
    });
    const vm = await bootShellWithDisks([{ file: makeExt2(dir, 8, 1024, true), snapshot: true }]);
    for (const name of ['truncated', 'wild', 'garbage', 'sub']) expect(await shellRun(vm, name)).toBe('shell: cannot run it: -8\n');
    expect(await shellRun(vm, 'spawn wild')).toMatch(/^spawn: failed: \w+ \(8\)\n$/);
    expect(await shellRun(vm, 'hello ok')).toMatch(/arg 1: ok\n$/);
    expect(vm.serial()).not.toMatch(/kernel panic|general protection/);
  }, hangLimit(180_000));

  it('boots with a damaged initrd entry, saying where, and keeps the entries before it', async () => {
    const image = await damagedCopy((b) => {
      const at = b.indexOf(Buffer.from('bin/cat\0'));
      expect(at).toBeGreaterThan(110);
      b.write('0707X1', at - 110); // the magic of cat's header
    });
    const k = await kernelBuild();
    const vm = await useQemu({ image, elf: k.kernelElf });
    await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
    expect(vm.serial()).toMatch(/initrd: no newc magic \(070701\) at byte \d+; the entries after it are ignored\r\ninitrd: 1 programs kept/);
    expect(await shellRun(vm, 'cat /etc/motd')).toContain('Welcome to tskc');
  }, hangLimit(180_000));
});

/** /bin/hello of the kernel's disk image, taken out with debugfs into a file; its path. */
async function helloElf(): Promise<string> {
  const k = await kernelBuild();
  const disk = readFileSync(k.diskImage);
  const lba = disk.readUInt32LE(446 + 8);
  const dir = mkdtempSync(join(tmpdir(), 'tskc-programs-'));
  writeFileSync(join(dir, 'volume.img'), disk.subarray(lba * 512));
  const r = spawnSync('debugfs', ['-R', `dump /bin/hello ${join(dir, 'hello')}`, join(dir, 'volume.img')],
    { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
  if (r.status !== 0) throw new Error(`debugfs failed: ${r.stderr}`);
  return join(dir, 'hello');
}
