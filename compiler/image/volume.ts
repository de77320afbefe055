// The root volume of build/disk.img: a staging tree (/bin with every user
// program as an ELF executable, /etc/motd, /home) turned into an ext2
// filesystem by the host's `mke2fs -t ext2 -d`, and the MBR partition entry
// that points at it (docs/storage.md, "The boot disk").
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ToolError, debianPackageOf } from '../driver/toolchain.js';

/** The text of /etc/motd on the disk. */
export const MOTD = 'Welcome to tskc. Programs are in /bin, your files go in /home.\n';
/** The partition type of a Linux filesystem in an MBR entry. */
export const LINUX_PARTITION = 0x83;
/** The root volume's size: room for the programs and for files written later. */
export const VOLUME_BYTES = 32 * 1024 * 1024;

/** Writes the staging tree for `programs` (name and executable file) into a fresh directory; returns it. */
export function stageRoot(programs: { name: string; file: string }[], parent: string): string {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'staging-'));
  for (const d of ['bin', 'etc', 'home']) mkdirSync(join(root, d));
  for (const p of programs) {
    const to = join(root, 'bin', p.name);
    copyFileSync(p.file, to);
    chmodSync(to, 0o755);
  }
  writeFileSync(join(root, 'etc', 'motd'), MOTD);
  return root;
}

/** An ext2 volume of `bytes` bytes (4 KiB blocks) holding the tree at `staging`. */
export function makeExt2Volume(staging: string, bytes: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-volume-'));
  try {
    const file = join(dir, 'root.ext2');
    const args = ['-q', '-F', '-t', 'ext2', '-b', '4096', '-L', 'tskc-root', '-E', 'root_owner=0:0', '-d', staging, file, `${bytes / 1024}k`];
    const r = spawnSync('mke2fs', args, { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` } });
    if (r.error) {
      throw new ToolError(`cannot run 'mke2fs': ${r.error.message}. Install it with: apt-get install --no-install-recommends ${debianPackageOf('mke2fs')}`);
    }
    if (r.status !== 0) throw new ToolError(`mke2fs failed (exit ${r.status}):\n${(r.stderr + r.stdout).trim()}`);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes MBR partition entry `index` (0-3) into the sector `mbr`: type, first sector and count (LBA; CHS fields marked unused). */
export function writePartitionEntry(mbr: Uint8Array, tableOffset: number, index: number, type: number, lba: number, sectors: number): void {
  const e = tableOffset + index * 16;
  const view = new DataView(mbr.buffer, mbr.byteOffset, mbr.byteLength);
  mbr[e] = 0x00; // not the active partition: stage 1 is the boot code
  mbr.set([0xfe, 0xff, 0xff], e + 1); // CHS of the first sector: beyond CHS, use the LBA fields
  mbr[e + 4] = type;
  mbr.set([0xfe, 0xff, 0xff], e + 5);
  view.setUint32(e + 8, lba, true);
  view.setUint32(e + 12, sectors, true);
}
