// The root volume of build/disk.img: a staging tree (/bin with every user
// program as an ELF executable, /etc/motd, /etc/rc on request, /var/www,
// /home) turned into an ext2
// filesystem by the host's `mke2fs -t ext2 -d`, and the MBR partition entry
// that points at it (docs/storage.md, "The boot disk"). A rebuild keeps
// the user's files: /home of the previous image is copied into the new one
// (keepHome), and an image whose /home cannot be read is kept aside.
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ToolError, debianPackageOf } from '../driver/toolchain.js';

/** The text of /etc/motd on the disk. */
export const MOTD = 'Welcome to tskc. Programs are in /bin, your files go in /home.\n';
/**
 * The text of /etc/rc: the commands the first shell runs at start-up
 * (userland/shell/rc.ts). On the disk of `tskc image` (npm start, npm run
 * build), not on the test kernels' disks unless a test asks (rc).
 */
export const RC = '# Run by the shell at start-up (userland/shell/rc.ts).\nhttpd 80 any &\n';
/** The partition type of a Linux filesystem in an MBR entry. */
export const LINUX_PARTITION = 0x83;
/** The root volume's size: room for the programs and for files written later. */
export const VOLUME_BYTES = 32 * 1024 * 1024;

/**
 * Writes the staging tree for `programs` (name and executable file) into a
 * fresh directory; returns it. `www`: a folder copied to /var/www (httpd's
 * document root); `rc`: whether /etc/rc is there.
 */
export function stageRoot(programs: { name: string; file: string }[], parent: string, o: { www?: string; rc?: boolean } = {}): string {
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'staging-'));
  for (const d of ['bin', 'etc', 'home']) mkdirSync(join(root, d));
  for (const p of programs) {
    const to = join(root, 'bin', p.name);
    copyFileSync(p.file, to);
    chmodSync(to, 0o755);
  }
  writeFileSync(join(root, 'etc', 'motd'), MOTD);
  if (o.rc === true) writeFileSync(join(root, 'etc', 'rc'), RC);
  if (o.www !== undefined) copyTree(o.www, join(root, 'var', 'www'));
  return root;
}

/** Copies the folder `from` (files and folders only) to `to`, made with its parents. */
function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const st = statSync(join(from, name));
    if (st.isDirectory()) copyTree(join(from, name), join(to, name));
    else if (st.isFile()) copyFileSync(join(from, name), join(to, name));
  }
}

function sbinEnv(): Record<string, string | undefined> {
  return { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };
}

/** Partition 1 of the disk image `bytes` (type 0x83, inside the file), or null. */
function partition1(bytes: Uint8Array): { lba: number; sectors: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 512 || view.getUint16(510, true) !== 0xaa55 || bytes[446 + 4] !== LINUX_PARTITION) return null;
  const lba = view.getUint32(446 + 8, true);
  const sectors = view.getUint32(446 + 12, true);
  if (lba === 0 || sectors === 0 || (lba + sectors) * 512 > bytes.length) return null;
  return { lba, sectors };
}

/**
 * Copies /home of the previous disk image `image` (if there is one) into
 * the staging tree's /home, so that the user's files survive a rebuild;
 * what it did, for the build log. An image whose /home cannot be read is
 * copied to `image`.prev rather than lost.
 */
export function keepHome(image: string, staging: string): string {
  if (!existsSync(image)) return 'no previous disk image';
  const bytes = readFileSync(image);
  const part = partition1(bytes);
  const keepAside = (why: string): string => {
    copyFileSync(image, `${image}.prev`);
    return `cannot read /home of the previous disk image (${why}); it is kept as ${image}.prev`;
  };
  if (part === null) return keepAside('no ext2 partition 1');
  const dir = mkdtempSync(join(tmpdir(), 'tskc-home-'));
  try {
    const volume = join(dir, 'volume.img');
    writeFileSync(volume, bytes.subarray(part.lba * 512, (part.lba + part.sectors) * 512));
    const out = join(dir, 'out');
    mkdirSync(out);
    const r = spawnSync('debugfs', ['-R', `rdump /home ${out}`, volume], { encoding: 'utf8', env: sbinEnv() });
    if (r.error) return keepAside(`cannot run debugfs: ${r.error.message}`);
    const home = join(out, 'home');
    if (r.status !== 0 || !existsSync(home)) return keepAside((r.stderr ?? '').trim() || `debugfs exit ${r.status}`);
    const names = readdirSync(home);
    if (names.length === 0) return 'the previous /home was empty';
    const cp = spawnSync('cp', ['-a', `${home}/.`, join(staging, 'home')], { encoding: 'utf8' });
    if (cp.status !== 0) return keepAside(`cp failed: ${(cp.stderr ?? '').trim()}`);
    return `kept /home of the previous disk image (${names.length} entr${names.length === 1 ? 'y' : 'ies'})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An ext2 volume of `bytes` bytes (4 KiB blocks) holding the tree at `staging`. */
export function makeExt2Volume(staging: string, bytes: number): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-volume-'));
  try {
    const file = join(dir, 'root.ext2');
    const args = ['-q', '-F', '-t', 'ext2', '-b', '4096', '-L', 'tskc-root', '-E', 'root_owner=0:0', '-d', staging, file, `${bytes / 1024}k`];
    const r = spawnSync('mke2fs', args, { encoding: 'utf8', env: sbinEnv() });
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
