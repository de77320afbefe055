// Changing directories: adding an entry (in an unused record or the slack
// after a live one that fits it, else in a new block at the end),
// removing one (its record joins the one before it in the block, or
// becomes unused when it is the first), pointing an entry at another
// inode, and the empty test rmdir needs. Each record is checked as
// dirNext checks it (-EUCLEAN). A directory that had a hash index loses
// its index flag: its blocks stay a valid linear directory.
// docs/storage.md, "Writing".
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { EFBIG, ENOENT, EUCLEAN } from '../../syscall/numbers';
import { blockMapAlloc } from './bmap';
import { DirEntry, dirNext } from './dir';
import { blockMap, Inode, writeInode } from './inode';
import { INCOMPAT_FILETYPE } from './superblock';
import { readBlock, volume } from './volume';
import { programNamesChanged } from '../../proc/programs';
import { wallSeconds } from '../../syscall/time';

const INDEX_FL: u32 = 0x1000;
/** The ext2 file types of directory entries. */
export const FT_REG: u8 = 1;
export const FT_DIR: u8 = 2;
export const FT_SYMLINK: u8 = 7;

/** The bytes a record with a name of `len` bytes needs. */
function recordSize(len: i32): u32 {
  return u32(8 + len + 3) & ~u32(3);
}

/** Fills the entry at `e` (its record length left as it is). */
function fillEntry(e: usize, ino: u32, name: usize, len: i32, type: u8): void {
  store<u32>(e, ino);
  store<u8>(e + 6, u8(len));
  store<u8>(e + 7, (volume.featureIncompat & INCOMPAT_FILETYPE) != 0 ? type : 0);
  memcpy(e + 8, name, usize(len));
}

/** Whether the record at byte `within` of a block at `p` is sound (as dirNext checks it). */
function sound(p: usize, within: u32): bool {
  const bs = volume.blockSize;
  if (within + 8 > bs) return false;
  const e = p + usize(within);
  const recLen = u32(load<u16>(e + 4));
  return recLen >= 8 && recLen % 4 == 0 && within + recLen <= bs && u32(load<u8>(e + 6)) + 8 <= recLen && load<u32>(e) <= volume.inodesCount;
}

/** Adds entry `name` (`len` bytes) → `ino` of type `type` to `dir` (the name must not be there): 0 or -errno. */
export function dirAdd(dir: Inode, name: usize, len: i32, ino: u32, type: u8): i32 {
  const bs = u64(volume.blockSize);
  const need = recordSize(len);
  const blocks = dir.size / bs;
  for (let n: u64 = 0; n < blocks; n++) {
    const pb = blockMap(dir, n);
    if (pb < 0) return i32(pb);
    if (pb == 0) return i32(-EUCLEAN);
    const b = readBlock(u64(pb));
    if (b < 0) return b;
    const p = cacheData(b);
    let within: u32 = 0;
    let done = false;
    let bad = false;
    while (within < u32(bs) && !done) {
      if (!sound(p, within)) {
        bad = true;
        break;
      }
      const e = p + usize(within);
      const recLen = u32(load<u16>(e + 4));
      const used = load<u32>(e) == 0 ? 0 : recordSize(i32(load<u8>(e + 6)));
      if (recLen - used >= need) {
        let at = e;
        if (used > 0) { // split: the live entry keeps what it uses, the new one the rest
          store<u16>(e + 4, u16(used));
          at = e + usize(used);
          store<u16>(at + 4, u16(recLen - used));
        }
        fillEntry(at, ino, name, len, type);
        cacheMarkDirty(b);
        done = true;
      }
      within += recLen;
    }
    cacheRelease(b);
    if (bad) return i32(-EUCLEAN);
    if (done) return touch(dir);
  }
  if (dir.size + bs > 0x7fff_ffff) return i32(-EFBIG);
  const pb = blockMapAlloc(dir, blocks);
  if (pb < 0) {
    writeInode(dir, false); // blocks it did allocate on the way stay counted
    return i32(pb);
  }
  const b = readBlock(u64(pb));
  if (b < 0) return b;
  const e = cacheData(b);
  store<u16>(e + 4, u16(bs));
  fillEntry(e, ino, name, len, type);
  cacheMarkDirty(b);
  cacheRelease(b);
  dir.size += bs;
  return touch(dir);
}

/** A changed directory: its times and index flag, written back. */
function touch(dir: Inode): i32 {
  programNamesChanged(); // a path cached for spawn and execve may name something else now (kernel/proc/diskprog.ts)
  const now = u32(wallSeconds());
  dir.mtime = now;
  dir.ctime = now;
  dir.flags &= ~INDEX_FL;
  return writeInode(dir, false);
}

/**
 * Finds `name` in `dir` and either removes its entry (`newIno` 0) or
 * points it at `newIno` of type `type`: the inode it named, or -ENOENT, -errno.
 */
export function dirChange(dir: Inode, name: usize, len: i32, newIno: u32, type: u8): i64 {
  const bs = u64(volume.blockSize);
  const blocks = dir.size / bs;
  for (let n: u64 = 0; n < blocks; n++) {
    const pb = blockMap(dir, n);
    if (pb < 0) return pb;
    if (pb == 0) return -EUCLEAN;
    const b = readBlock(u64(pb));
    if (b < 0) return i64(b);
    const p = cacheData(b);
    let within: u32 = 0;
    let before: usize = 0;
    let found: i64 = 0;
    while (within < u32(bs)) {
      if (!sound(p, within)) {
        found = -EUCLEAN;
        break;
      }
      const e = p + usize(within);
      const recLen = u32(load<u16>(e + 4));
      const ino = load<u32>(e);
      if (ino != 0 && i32(load<u8>(e + 6)) == len && memcmp(e + 8, name, usize(len)) == 0) {
        found = i64(ino);
        if (newIno != 0) fillEntry(e, newIno, name, len, type);
        else if (before != 0) store<u16>(before + 4, u16(u32(load<u16>(before + 4)) + recLen));
        else store<u32>(e, 0);
        cacheMarkDirty(b);
        break;
      }
      before = e;
      within += recLen;
    }
    cacheRelease(b);
    if (found != 0) {
      if (found > 0) {
        const t = touch(dir);
        if (t < 0) return i64(t);
      }
      return found;
    }
  }
  return -ENOENT;
}

/** Whether directory `dir` holds nothing but `.` and `..`: 1, 0, or -errno. */
export function dirEmpty(dir: Inode): i32 {
  const e = new DirEntry();
  let pos: u64 = 0;
  let r: i32 = 1;
  while (true) {
    const next = dirNext(dir, pos, e);
    if (next <= 0) {
      if (next < 0) r = i32(next);
      break;
    }
    const name = changetype<usize>(e.name) + 8;
    const dot = e.nameLen >= 1 && e.nameLen <= 2 && load<u8>(name) == 46 && (e.nameLen == 1 || load<u8>(name + 1) == 46);
    if (e.ino != 0 && !dot) {
      r = 0;
      break;
    }
    pos = u64(next);
  }
  free(e);
  return r;
}

/** A new directory's first block: `.` → `ino` and `..` → `parent`, in block `pb`. 0 or -errno. */
export function dirInit(pb: u64, ino: u32, parent: u32): i32 {
  const b = readBlock(pb);
  if (b < 0) return b;
  const p = cacheData(b);
  const dots = changetype<usize>('..') + 8;
  store<u16>(p + 4, 12);
  fillEntry(p, ino, dots, 1, FT_DIR);
  store<u16>(p + 16, u16(volume.blockSize - 12));
  fillEntry(p + 12, parent, dots, 2, FT_DIR);
  cacheMarkDirty(b);
  cacheRelease(b);
  return 0;
}
