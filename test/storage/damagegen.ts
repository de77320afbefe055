// Seeded metadata damage for the ext2 robustness test: one pristine
// 512 KiB volume (1 KiB blocks, made by the host's mke2fs -d from a tree
// with directories, files reaching direct, single and double indirect
// blocks, an empty file and a symlink), a map of its metadata (superblock,
// group descriptor, both bitmaps, the used part of the inode table, every
// directory block, the indirect blocks), and `damage(pristine, map, seed)`,
// which overwrites 1-4 seeded spots of that metadata (never file data)
// with random bytes, flipped bits, chosen 32-bit values or an inode field
// (type, size, links, flags, block pointers) set to a value of another meaning. The same seed
// always gives the same image: a failure names its seed, and
//   npx vite-node --script test/storage/damagegen.ts SEED OUT.img [SPOTS]
// writes that image again for debugfs or e2fsck. docs/testing.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { noise } from './bytes.js';
import { makeExt2, stage } from './ext2image.js';

export const VOLUME_BYTES = 512 * 1024;
const BLOCK = 1024;

/** The tree of every pristine volume (what `fswalk` reads when nothing is damaged). */
export function pristineTree(): string {
  return stage({
    'lost+found': { dir: true },
    'a/small.txt': { data: Buffer.from('a small file\n') },
    'a/direct': { data: noise(5 * 1024 + 17, 11) }, // direct blocks only
    'a/b/single': { data: noise(40 * 1024, 12) }, // through the single indirect block
    'a/b/c/deep': { data: Buffer.from('deep\n') },
    'big': { data: noise(300 * 1024, 13) }, // past 268 KiB: the double indirect block
    'empty': { data: Buffer.alloc(0) },
    'link': { link: 'a/small.txt' },
  });
}

/** The pristine volume's bytes. */
export function pristineVolume(): Buffer {
  return readFileSync(makeExt2(pristineTree(), '512K', BLOCK, false, 'ext2', ['-N', '32', '-O', '^resize_inode']));
}

/** A byte range of metadata, with a name for the log. */
export interface Region { name: string; start: number; length: number }

/** Where the pristine volume keeps its metadata (one group: 512 blocks). */
export function metadataMap(v: Buffer): Region[] {
  const sb = 1024;
  const inodeSize = v.readUInt16LE(sb + 88);
  const inodesCount = v.readUInt32LE(sb + 0);
  const gd = 2 * BLOCK;
  const blockBitmap = v.readUInt32LE(gd);
  const inodeBitmap = v.readUInt32LE(gd + 4);
  const inodeTable = v.readUInt32LE(gd + 8);
  const regions: Region[] = [
    { name: 'superblock', start: sb, length: 104 },
    { name: 'group descriptor', start: gd, length: 32 },
    { name: 'block bitmap', start: blockBitmap * BLOCK, length: 64 },
    { name: 'inode bitmap', start: inodeBitmap * BLOCK, length: 4 },
    { name: 'inode table', start: inodeTable * BLOCK, length: 21 * inodeSize }, // inodes 1-21: 2 and 11-21 in use
  ];
  for (let ino = 1; ino <= inodesCount; ino++) {
    const at = inodeTable * BLOCK + (ino - 1) * inodeSize;
    const mode = v.readUInt16LE(at);
    const blocks = Array.from({ length: 15 }, (_, k) => v.readUInt32LE(at + 40 + 4 * k));
    if ((mode & 0xf000) === 0x4000) {
      for (const b of blocks.slice(0, 12)) if (b !== 0) regions.push({ name: `directory block (inode ${ino})`, start: b * BLOCK, length: BLOCK });
    } else if ((mode & 0xf000) === 0x8000) {
      if (blocks[12] !== 0) regions.push({ name: `indirect block (inode ${ino})`, start: blocks[12]! * BLOCK, length: BLOCK });
      if (blocks[13] !== 0) {
        regions.push({ name: `double indirect block (inode ${ino})`, start: blocks[13]! * BLOCK, length: BLOCK });
        const first = v.readUInt32LE(blocks[13]! * BLOCK);
        if (first !== 0) regions.push({ name: `indirect block under the double (inode ${ino})`, start: first * BLOCK, length: BLOCK });
      }
    }
  }
  return regions;
}

/** A small seeded generator (mulberry32): the same seed, the same numbers. */
export function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) % n);
  };
}

/** Values a corrupt 32-bit field likes to hold: edges of the volume and of the type. */
const CHOSEN = [0, 1, 2, 0xffffffff, 0x7fffffff, 0x80000000, 511, 512, 513, 1024, 4096, 65536];

/** Inode fields worth confusing: the type, the size, the links, the flags, block pointers. */
const FIELDS: { name: string; at: number; bytes: number; values: number[] }[] = [
  { name: 'mode', at: 0, bytes: 2, values: [0x41ed, 0x81a4, 0xa1ff, 0x21a4, 0x61a4, 0, 0xffff] },
  { name: 'size', at: 4, bytes: 4, values: [0, 1, 1023, 1024, 59, 60, 61, 0x7fffffff, 0xffffffff, 300 * 1024] },
  { name: 'links', at: 26, bytes: 2, values: [0, 1, 0xffff] },
  { name: 'sectors', at: 28, bytes: 4, values: [0, 2, 0xffffffff] },
  { name: 'flags', at: 32, bytes: 4, values: [0x80000, 0x1000, 0x10000000, 0xffffffff] },
  { name: 'block[0]', at: 40, bytes: 4, values: [0, 1, 2, 3, 4, 5, 511, 512, 0xffffffff] },
  { name: 'block[11]', at: 84, bytes: 4, values: [0, 1, 5, 511, 512] },
  { name: 'indirect block', at: 88, bytes: 4, values: [0, 1, 2, 3, 5, 511, 512, 0xffffffff] },
  { name: 'double indirect block', at: 92, bytes: 4, values: [0, 1, 3, 5, 511, 512, 0xffffffff] },
  { name: 'triple indirect block', at: 96, bytes: 4, values: [1, 3, 5, 511] },
  { name: 'file ACL block', at: 104, bytes: 4, values: [1, 3, 5, 511, 512, 0xffffffff] },
  { name: 'size high', at: 108, bytes: 4, values: [1, 0xffffffff] },
];

/** The root, lost+found and the ten entries of the tree. */
const INODES_IN_USE = [2, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];

function inodeTableStart(v: Buffer): number {
  return v.readUInt32LE(2 * BLOCK + 8) * BLOCK;
}

/** A copy of `pristine` with 1 to `maxSpots` seeded spots of its metadata damaged; `log` lists what was done. */
export function damage(pristine: Buffer, regions: Region[], seed: number, maxSpots = 4): { bytes: Buffer; log: string[] } {
  const next = rng(seed);
  const bytes = Buffer.from(pristine);
  const log: string[] = [];
  const spots = 1 + next(maxSpots);
  for (let s = 0; s < spots; s++) {
    const r = regions[next(regions.length)]!;
    const kind = next(5);
    if (kind === 4) { // one field of an inode in use, to a value of another meaning
      const ino = INODES_IN_USE[next(INODES_IN_USE.length)]!;
      const at = inodeTableStart(pristine) + (ino - 1) * pristine.readUInt16LE(1024 + 88);
      const f = FIELDS[next(FIELDS.length)]!;
      const value = f.values[next(f.values.length)]!;
      if (f.bytes === 2) bytes.writeUInt16LE(value, at + f.at);
      else bytes.writeUInt32LE(value >>> 0, at + f.at);
      log.push(`inode ${ino}: ${f.name} = ${value >>> 0}`);
    } else if (kind === 0) { // a random byte
      const at = r.start + next(r.length);
      bytes[at] = next(256);
      log.push(`${r.name}: byte ${at - r.start} = ${bytes[at]}`);
    } else if (kind === 1) { // a flipped bit
      const at = r.start + next(r.length);
      bytes[at]! ^= 1 << next(8);
      log.push(`${r.name}: bit flip at byte ${at - r.start}`);
    } else if (kind === 2) { // a chosen value in an aligned 32-bit field
      const at = r.start + 4 * next(Math.max(1, r.length >> 2));
      const value = next(2) === 0 ? CHOSEN[next(CHOSEN.length)]! : next(1024);
      bytes.writeUInt32LE(value >>> 0, at);
      log.push(`${r.name}: u32 at ${at - r.start} = ${value >>> 0}`);
    } else { // a run of random bytes
      const length = 1 + next(16);
      const at = r.start + next(Math.max(1, r.length - length));
      for (let k = 0; k < length; k++) bytes[at + k] = next(256);
      log.push(`${r.name}: ${length} random bytes at ${at - r.start}`);
    }
  }
  return { bytes, log };
}

/** The seed of image `index` in a run with seed `runSeed`. */
export function imageSeed(runSeed: number, index: number): number {
  return (Math.imul(runSeed, 1_000_003) + index) >>> 0;
}

if (process.argv[1]?.endsWith('damagegen.ts') === true) {
  const seed = Number(process.argv[2]);
  const out = process.argv[3] ?? `damaged-${seed}.img`;
  const spots = Number(process.argv[4] ?? 4);
  const pristine = pristineVolume();
  const { bytes, log } = damage(pristine, metadataMap(pristine), seed, spots);
  writeFileSync(out, bytes);
  console.log(`${out}: seed ${seed}\n${log.join('\n')}`);
}
