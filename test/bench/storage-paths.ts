// Part 4 of `npm run bench`: file paths in guest instructions. An ext2
// volume made by the host's mke2fs (a 256 KiB file, a directory of 1,000
// empty files, 4 KiB blocks) is attached as a virtio disk; the real
// kernel boots under `-icount shift=0,sleep=off` and the shell runs
// fsbench (userland/programs/fsbench.ts), which times reads, stat,
// open+close and directory listings with rdtsc from ring 3, then fswbench
// (userland/programs/fswbench.ts): a 4 MiB sequential write and its fsync,
// 1,000 files created, listed and unlinked. A second boot without -icount
// gives fswbench's wall-clock milliseconds beside. Linux's figures are
// REFERENCE.md §2's (RAM filesystem, cached).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { boot } from './kernel-paths.js';
import { table, type Part, type PartResult } from './parts.js';

/** The volume: /big (256 KiB of random bytes) and /many (1,000 empty files). */
function makeVolume(dir: string): string {
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'many'), { recursive: true });
  writeFileSync(join(tree, 'big'), randomBytes(256 * 1024));
  for (let i = 0; i < 1000; i++) writeFileSync(join(tree, 'many', `file${i}`), '');
  const image = join(dir, 'volume.img');
  const r = spawnSync('mke2fs', ['-q', '-F', '-t', 'ext2', '-b', '4096', '-d', tree, image, '16M', '-N', '4096'], {
    env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` },
  });
  if (r.status !== 0) throw new Error(`mke2fs failed: ${r.stderr}`);
  return image;
}

const ROWS: [string, string, string][] = [
  ['read-cached', 'read of a cached file, per KiB (64 KiB reads)', '264 (1 MiB in 64 KiB reads: 270,434)'],
  ['read-cold', 'read of a file from the disk, per KiB (includes the virtual time halted for the device)', ''],
  ['stat', 'stat of /big', '3,157'],
  ['open-close', 'open + close of /big', '5,343'],
  ['list-cached', 'getdents64 of a 1,000-file directory, cached, per entry', '330 (330,131 for 1,000)'],
  ['list-cold', 'getdents64 of a 1,000-file directory, from the disk, per entry', ''],
  ['write-seq', 'sequential write of 4 MiB in 64 KiB writes (no sync), per KiB', ''],
  ['fsync', 'fsync after it, per KiB (includes the virtual time halted for the device)', ''],
  ['create', 'create (open O_CREAT + close) in a directory growing to 1,000 files, per file', '25,516 create + unlink'],
  ['list', 'getdents64 of those 1,000 new files, cached, per entry', '330'],
  ['unlink', 'unlink of the 1,000 files, per file', ''],
];
/** Writes of 4 MiB and 1,000 creates under -icount take minutes on a busy host. */
const LIMIT_MS = 900_000;
/** The volume is the second virtio disk: mounted over / first (the programs then come from the initrd). */
const INPUT = 'mount /dev/vdb\rfsbench /big /many\rfswbench /wb\r';

export const storagePathsPart: Part = {
  key: 'storagePaths',
  title: 'storage paths (guest instructions, QEMU -icount shift=0,sleep=off, an ext2 volume on virtio-blk)',
  run: async (o): Promise<PartResult> => {
    o.log('storage paths: building the kernel and the volume');
    const dir = join(o.outDir, 'storage');
    mkdirSync(dir, { recursive: true });
    const img = buildKernelImage({ outDir: join(dir, 'kernel'), debug: false, quiet: true });
    const volume = makeVolume(dir);
    o.log('storage paths: fsbench under -icount');
    const disk = ['-drive', `file=${volume},if=none,id=d0,format=raw,snapshot=on`, '-device', 'virtio-blk-pci,drive=d0'];
    const { text } = await boot(img.diskImage, true, INPUT, 'fswbench: done', disk, LIMIT_MS);
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/fsw?bench: ([\w-]+) (\d+)/g)) counts.set(m[1]!, Number(m[2]));
    o.log('storage paths: fswbench without -icount (wall time)');
    const wall = await boot(img.diskImage, false, INPUT, 'fswbench: done', disk, LIMIT_MS);
    const ms = new Map<string, number>();
    for (const m of wall.text.matchAll(/fswbench: ([\w-]+)-ms (\d+)/g)) ms.set(m[1]!, Number(m[2]));
    const rows = ROWS.map(([key, label, linux]) => [label, counts.get(key)?.toLocaleString('en-US') ?? '?', ms.has(key) ? `${ms.get(key)} ms` : '', linux]);
    return {
      lines: table(['path', 'tskc', 'wall (no -icount)', 'Linux (RAM fs, cached)'], rows),
      json: { instructions: Object.fromEntries(counts), wallMs: Object.fromEntries(ms) },
    };
  },
};
