// ext2 directories: a directory's data is a run of variable-length
// entries (inode, record length, name length, file type, name), never
// crossing a block. Each entry is checked before use: a record length of
// at least 8, a multiple of 4, inside its block; a name that fits the
// record; an inode number inside the volume. A bad entry is -EUCLEAN.
// docs/storage.md, "ext2".
import { cacheData, cacheRelease } from '../../block/cache';
import { EUCLEAN } from '../../syscall/numbers';
import { blockMap, Inode } from './inode';
import { readBlock, volume } from './volume';

/** One directory entry as dirNext found it. */
export class DirEntry {
  ino: u32 = 0;
  /** The ext2 file type (1 regular, 2 directory, 7 symlink, ...; 0 unknown). */
  type: u8 = 0;
  nameLen: i32 = 0;
  readonly name = new Uint8Array(256);
}

/**
 * Reads the entry at byte `pos` of directory `dir` into `out` and
 * returns the position of the next one; 0 at the end of the directory,
 * or -errno. An unused record (inode 0) comes back with `ino` 0.
 */
export function dirNext(dir: Inode, pos: u64, out: DirEntry): i64 {
  const bs = u64(volume.blockSize);
  if (pos >= dir.size) return 0;
  const pb = blockMap(dir, pos / bs);
  if (pb < 0) return pb;
  if (pb == 0) return -EUCLEAN; // directories have no holes
  const b = readBlock(u64(pb));
  if (b < 0) return i64(b);
  const within = pos % bs;
  const e = cacheData(b) + usize(within);
  const ino = load<u32>(e);
  const recLen = u64(load<u16>(e + 4));
  const nameLen = i32(load<u8>(e + 6));
  let bad = within + 8 > bs || recLen < 8 || recLen % 4 != 0 || within + recLen > bs || u64(nameLen) + 8 > recLen || ino > volume.inodesCount;
  if (!bad) {
    out.ino = ino;
    out.type = load<u8>(e + 7);
    out.nameLen = nameLen;
    memcpy(changetype<usize>(out.name) + 8, e + 8, usize(nameLen));
  }
  cacheRelease(b);
  return bad ? -EUCLEAN : i64(pos + recLen);
}

/** The inode number of `name` (`len` bytes at `name`) in directory `dir`: > 0, 0 if absent, or -errno. */
export function dirLookup(dir: Inode, name: usize, len: i32, scratch: DirEntry): i64 {
  let pos: u64 = 0;
  while (true) {
    const next = dirNext(dir, pos, scratch);
    if (next <= 0) return next;
    if (scratch.ino != 0 && scratch.nameLen == len && memcmp(changetype<usize>(scratch.name) + 8, name, usize(len)) == 0) return i64(scratch.ino);
    pos = u64(next);
  }
}
