// The boot disk (build/disk.img) as the kernel sees it: an MBR whose
// partition 1, past the boot stages and the kernel, is an ext2 volume made
// from the staging tree (/bin with every program, /etc/motd, /home). The
// image attached as a virtio disk boots through the BIOS and the kernel
// mounts partition 1 as /; a damaged partition table or a volume that does
// not mount still boots to the shell, with the reason on the console.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOTD } from '../../compiler/image/volume.js';
import { readBootLayout } from '../../compiler/image/image.js';
import { repoRoot } from '../../compiler/frontend/program.js';
import { useQemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { BANNER, kernelBuild, PROMPT, shellRun } from '../kernel/kernel.js';
import { fsck } from './ext2image.js';
import { damagedCopy } from './vm.js';

const TABLE = 446;

/** Partition 1 of the disk image `bytes`: type, first sector, sectors. */
function partition1(bytes: Buffer): { type: number; lba: number; sectors: number } {
  return { type: bytes[TABLE + 4]!, lba: bytes.readUInt32LE(TABLE + 8), sectors: bytes.readUInt32LE(TABLE + 12) };
}

async function bootShell(image: string) {
  const k = await kernelBuild();
  const vm = await useQemu({ image, elf: k.kernelElf });
  await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
  return vm;
}

describe('the boot disk', () => {
  it('has an MBR with partition 1 after the kernel, holding a clean ext2 volume', async () => {
    const k = await kernelBuild();
    const bytes = readFileSync(k.diskImage);
    expect(bytes.readUInt16LE(510)).toBe(0xaa55);
    const p = partition1(bytes);
    expect(p.type).toBe(0x83);
    const layout = readBootLayout(repoRoot());
    expect(p.lba % layout.get('PARTITION_ALIGN')!).toBe(0);
    const kernelSectors = Math.ceil(readFileSync(join(k.kernelElf, '..', 'kernel.bin')).length / 512);
    expect(p.lba).toBeGreaterThanOrEqual(layout.get('STAGE2_LBA')! + layout.get('STAGE2_SECTORS')! + kernelSectors);
    expect((p.lba + p.sectors) * 512).toBe(bytes.length);
    for (let i = 1; i < 4; i++) expect(bytes.subarray(TABLE + i * 16, TABLE + i * 16 + 16).every((b) => b === 0)).toBe(true);
    const volume = join(mkdtempSync(join(tmpdir(), 'tskc-bootdisk-')), 'volume.img');
    writeFileSync(volume, bytes.subarray(p.lba * 512));
    const r = fsck(volume);
    expect(r.output).toMatch(/clean|files/);
    expect(r.status).toBe(0);
  });

  it('boots from the virtio disk and mounts partition 1 as /, with /bin, /etc/motd and /home', async () => {
    const k = await kernelBuild();
    const vm = await bootShell(k.diskImage);
    expect(vm.serial()).toMatch(/virtio-blk: disk 0, \d+ sectors/);
    expect(vm.serial()).toMatch(/ext2: mounted disk 0 as \/: \d+ blocks of 4096 bytes/);
    const bin = (await shellRun(vm, 'ls /bin')).split('\n');
    expect(bin).toEqual(expect.arrayContaining(['shell', 'hello', 'cat', 'ls', 'wc']));
    expect(await shellRun(vm, 'cat /etc/motd')).toBe(MOTD);
    expect(await shellRun(vm, 'ls /')).toMatch(/bin\n(.*\n)*etc\n(.*\n)*home\n/);
  }, hangLimit(180_000));

  it('boots to the shell with a damaged partition table, saying why nothing is mounted', async () => {
    const image = await damagedCopy((b) => b.writeUInt32LE(0xfffff000, TABLE + 8)); // partition 1 starts past the disk's end
    const vm = await bootShell(image);
    expect(vm.serial()).toContain('mbr: partition 1 skipped: ends past the end of the disk');
    expect(vm.serial()).toContain('mbr: no usable Linux partition (type 0x83) in the table');
    expect(vm.serial()).toContain('fs: / is not mounted: only /dev is there');
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
  }, hangLimit(180_000));

  it('boots to the shell when partition 1 does not mount', async () => {
    const image = await damagedCopy((b) => {
      const p = partition1(b);
      b.writeUInt16LE(0x1234, p.lba * 512 + 1024 + 56); // s_magic
    });
    const vm = await bootShell(image);
    expect(vm.serial()).toContain('ext2: not mounted: no ext2 superblock: bad magic (0x1234)');
    expect(vm.serial()).toContain('fs: / is not mounted: only /dev is there');
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
  }, hangLimit(180_000));
});
