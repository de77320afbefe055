// ext2 images for the storage tests, made by the host's own e2fsprogs:
// a staging tree written here, `mke2fs -t ext2 -d` over it, optionally
// behind an MBR whose first partition (type 0x83, from sector 2048) holds
// the volume, as build/disk.img will.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A file to stage: bytes, a sparse file (`size` with data at `at`), or a symlink. */
export type Entry = { data: Buffer } | { sparse: { size: number; at: number; data: Buffer } } | { link: string } | { dir: true };

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Writes `tree` (paths relative to the root) into a fresh staging directory; returns it. */
export function stage(tree: Record<string, Entry>): string {
  const root = mkdtempSync(join(tmpdir(), 'tskc-stage-'));
  for (const [path, e] of Object.entries(tree)) {
    const full = join(root, path);
    mkdirSync('dir' in e ? full : dirname(full), { recursive: true });
    if ('data' in e) writeFileSync(full, e.data);
    else if ('link' in e) symlinkSync(e.link, full);
    else if ('sparse' in e) {
      const fd = openSync(full, 'w');
      writeSync(fd, e.sparse.data, 0, e.sparse.data.length, e.sparse.at);
      closeSync(fd);
      spawnSync('truncate', ['-s', String(e.sparse.size), full]);
    }
  }
  return root;
}

/** An ext2 image of `mib` MiB (or a size in mke2fs's own words, `'512K'`) with `blockSize`-byte blocks made from `dir`; behind an MBR if `mbr`. Returns its path. */
export function makeExt2(dir: string, mib: number | string, blockSize: number, mbr: boolean, type = 'ext2', extra: string[] = []): string {
  const out = mkdtempSync(join(tmpdir(), 'tskc-ext2-'));
  const fs = join(out, 'fs.img');
  run('mke2fs', ['-q', '-F', '-t', type, '-b', String(blockSize), ...extra, '-d', dir, fs, typeof mib === 'string' ? mib : `${mib}M`]);
  if (!mbr) return fs;
  const volume = readFileSync(fs);
  const disk = Buffer.alloc(1024 * 1024 + volume.length);
  volume.copy(disk, 1024 * 1024);
  const e = 446;
  disk[e + 4] = 0x83;
  disk.writeUInt32LE(2048, e + 8);
  disk.writeUInt32LE(volume.length / 512, e + 12);
  disk.writeUInt16LE(0xaa55, 510);
  const file = join(out, 'disk.img');
  writeFileSync(file, disk);
  return file;
}

/** Runs debugfs with write access on `image`: `commands` one per -R. */
export function debugfsWrite(image: string, command: string): void {
  run('debugfs', ['-w', '-R', command, image]);
}

/** The bytes of `path` on the volume `image`, as `debugfs -R 'cat PATH'` prints them. */
export function debugfsCat(image: string, path: string): Buffer {
  const r = spawnSync('debugfs', ['-R', `cat ${path}`, image], { env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`debugfs cat ${path} failed: ${r.stderr}`);
  return r.stdout;
}

/** `e2fsck -fn` on `image`: its exit status and output. */
export function fsck(image: string): { status: number; output: string } {
  const r = spawnSync('e2fsck', ['-fn', image], { encoding: 'utf8', env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } });
  return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
