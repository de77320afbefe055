// The operations on names in a directory: create a file, make and remove
// a directory, make a symbolic link (fast: the target in i_block; slow: in
// a data block), add a link, remove a name, rename. Each takes the parent
// directory held (icache.ts) and a name of 1 to NAME_MAX bytes that is
// not `.` or `..` (the system calls check that), keeps link counts and
// directory counts exact, and leaves freeing to the last holder of an
// inode that lost its last link. Linux's errors: -EEXIST, -ENOENT,
// -EISDIR, -ENOTDIR, -ENOTEMPTY, -EPERM (a link to a directory), -EMLINK,
// -EINVAL (a directory moved under itself), -ENOSPC. docs/storage.md, "Writing".
import { EBUSY, EEXIST, EINVAL, EISDIR, EMLINK, ENOENT, ENOSPC, ENOTDIR, ENOTEMPTY, EPERM, EUCLEAN } from '../../syscall/numbers';
import { wallSeconds } from '../../syscall/time';
import { allocInode, groupOf } from './alloc';
import { blockMapAlloc } from './bmap';
import { ext2Write } from './write';
import { DirEntry, dirLookup } from './dir';
import { dirAdd, dirChange, dirEmpty, dirInit, FT_DIR } from './dirwrite';
import { iget, iput } from './icache';
import { Inode, readInode, ROOT_INODE, S_IFDIR, S_IFLNK, S_IFMT, writeInode } from './inode';
import { volume } from './volume';

/** The most links an inode may have (ext2's EXT2_LINK_MAX). */
export const LINK_MAX: u32 = 32000;
const err = new Int64Array(1);
const dotdot = changetype<usize>('..') + 8;

/** The directory entry type of a file of mode `mode`. */
export function typeOf(mode: u32): u8 {
  const t = (mode & S_IFMT) >> 12; // 1 fifo, 2 chr, 4 dir, 6 blk, 8 reg, 10 lnk, 12 sock
  if (t == 8) return 1;
  if (t == 4) return 2;
  if (t == 2) return 3;
  if (t == 6) return 4;
  if (t == 1) return 5;
  if (t == 12) return 6;
  if (t == 10) return 7;
  return 0;
}

function isDir(i: Inode): bool {
  return (i.mode & S_IFMT) == S_IFDIR;
}

/** The inode `name` names in `dir`: > 0, -ENOENT, or -errno (-ENOENT too in a removed directory, where nothing may be added). */
function find(dir: Inode, name: usize, len: i32): i64 {
  if (dir.links == 0) return -ENOENT;
  const e = new DirEntry();
  const r = dirLookup(dir, name, len, e);
  free(e);
  return r == 0 ? -ENOENT : r;
}

/** A fresh inode of mode `mode` with `links` links: held, or null with err[0] set. */
function fresh(parent: Inode, mode: u32, links: u32): Inode | null {
  const n = allocInode((mode & S_IFMT) == S_IFDIR, groupOf(parent.ino));
  if (n < 0) {
    err[0] = n;
    return null;
  }
  const i = new Inode();
  i.ino = u32(n);
  i.mode = mode;
  i.links = links;
  const now = u32(wallSeconds());
  i.atime = now;
  i.ctime = now;
  i.mtime = now;
  writeInode(i, true);
  free(i);
  return iget(u32(n), err);
}

/** Creates regular file `name` in `parent` with permission bits `perm`: the new inode held, or null with the error in `out[0]`. */
export function ext2Create(parent: Inode, name: usize, len: i32, perm: u32, out: Int64Array): Inode | null {
  const exists = find(parent, name, len);
  if (exists != -ENOENT || parent.links == 0) {
    out[0] = exists < 0 ? exists : -EEXIST;
    return null;
  }
  const f = fresh(parent, 0x8000 | (perm & 0o7777), 1);
  if (f === null) {
    out[0] = err[0];
    return null;
  }
  const r = dirAdd(parent, name, len, f.ino, 1);
  if (r < 0) {
    f.links = 0; // freed by the iput
    iput(f);
    out[0] = i64(r);
    return null;
  }
  return f;
}

/** A target shorter than this lives in i_block (a fast symbolic link); a longer one in a data block. */
const FAST_LINK_BYTES: i32 = 60;

/**
 * Makes symbolic link `name` in `parent` to the `tlen` bytes at `target`
 * (kernel memory; 1 to blockSize - 1 bytes, the caller checks): 0 or -errno.
 */
export function ext2Symlink(parent: Inode, name: usize, len: i32, target: usize, tlen: i32): i64 {
  const exists = find(parent, name, len);
  if (exists != -ENOENT || parent.links == 0) return exists < 0 ? exists : -EEXIST;
  const l = fresh(parent, S_IFLNK | 0o777, 1);
  if (l === null) return err[0];
  let r: i64 = 0;
  if (tlen < FAST_LINK_BYTES) {
    memcpy(changetype<usize>(l.block) + 8, target, usize(tlen));
    l.size = u64(tlen);
    r = i64(writeInode(l, false));
  } else {
    r = ext2Write(l, 0, u64(target), u64(tlen), false);
    if (r >= 0 && r != i64(tlen)) r = -ENOSPC;
  }
  if (r >= 0) r = i64(dirAdd(parent, name, len, l.ino, 7));
  if (r < 0) l.links = 0; // freed, blocks and all, by the iput
  iput(l);
  return r < 0 ? r : 0;
}

/** Makes directory `name` in `parent`: 0 or -errno. */
export function ext2Mkdir(parent: Inode, name: usize, len: i32, perm: u32): i64 {
  const exists = find(parent, name, len);
  if (exists != -ENOENT || parent.links == 0) return exists < 0 ? exists : -EEXIST;
  if (parent.links >= LINK_MAX) return -EMLINK;
  const d = fresh(parent, 0x4000 | (perm & 0o7777), 2);
  if (d === null) return err[0];
  let r = blockMapAlloc(d, 0);
  if (r > 0) {
    d.size = u64(volume.blockSize);
    r = i64(dirInit(u64(r), d.ino, parent.ino));
  }
  if (r >= 0) r = i64(writeInode(d, false));
  if (r >= 0) r = i64(dirAdd(parent, name, len, d.ino, FT_DIR));
  if (r < 0) d.links = 0;
  else {
    parent.links++;
    r = i64(writeInode(parent, false));
  }
  iput(d);
  return r < 0 ? r : 0;
}

/** Removes name `name` of a file (not a directory) from `parent`: 0 or -errno. */
export function ext2Unlink(parent: Inode, name: usize, len: i32): i64 {
  const n = find(parent, name, len);
  if (n < 0) return n;
  const i = iget(u32(n), err);
  if (i === null) return err[0];
  let r: i64 = 0;
  if (isDir(i)) r = -EISDIR;
  else r = dirChange(parent, name, len, 0, 0);
  if (r >= 0) {
    if (i.links > 0) i.links--;
    i.ctime = u32(wallSeconds());
    r = i64(writeInode(i, false));
  }
  iput(i);
  return r < 0 ? r : 0;
}

/** Removes the empty directory `name` from `parent`: 0 or -errno. */
export function ext2Rmdir(parent: Inode, name: usize, len: i32): i64 {
  const n = find(parent, name, len);
  if (n < 0) return n;
  const i = iget(u32(n), err);
  if (i === null) return err[0];
  let r: i64 = 0;
  if (!isDir(i)) r = -ENOTDIR;
  else if (i.ino == ROOT_INODE) r = -EBUSY;
  else {
    const e = dirEmpty(i);
    r = e < 0 ? i64(e) : e == 0 ? -ENOTEMPTY : 0;
  }
  if (r == 0) r = dirChange(parent, name, len, 0, 0);
  if (r >= 0) {
    i.links = 0;
    i.ctime = u32(wallSeconds());
    writeInode(i, false);
    if (parent.links > 2) parent.links--;
    r = i64(writeInode(parent, false));
  }
  iput(i);
  return r < 0 ? r : 0;
}

/** Adds name `name` in `parent` for `target`: 0 or -errno. */
export function ext2Link(target: Inode, parent: Inode, name: usize, len: i32): i64 {
  if (isDir(target)) return -EPERM;
  if (target.links >= LINK_MAX) return -EMLINK;
  const n = find(parent, name, len);
  if (n != -ENOENT || parent.links == 0) return n < 0 ? n : -EEXIST;
  const r = dirAdd(parent, name, len, target.ino, typeOf(target.mode));
  if (r < 0) return i64(r);
  target.links++;
  target.ctime = u32(wallSeconds());
  return i64(writeInode(target, false));
}

/** Whether directory `ino` is `ancestor` or lies under it: 1, 0, or -errno. */
function under(ino: u32, ancestor: u32): i64 {
  const i = new Inode();
  let at = ino;
  let r: i64 = 0;
  for (let depth: i32 = 0; depth < 4096; depth++) {
    if (at == ancestor) {
      r = 1;
      break;
    }
    if (at == ROOT_INODE) break;
    const rr = readInode(at, i);
    if (rr < 0) {
      r = i64(rr);
      break;
    }
    const up = find(i, dotdot, 2);
    if (up < 0) {
      r = up;
      break;
    }
    at = u32(up);
  }
  free(i);
  return r;
}

/** Renames `oldName` in `oldParent` to `newName` in `newParent`, replacing what that named: 0 or -errno. */
export function ext2Rename(oldParent: Inode, oldName: usize, oldLen: i32, newParent: Inode, newName: usize, newLen: i32): i64 {
  const n = find(oldParent, oldName, oldLen);
  if (n < 0) return n;
  const target = find(newParent, newName, newLen);
  if (target < 0 && target != -ENOENT) return target;
  if (newParent.links == 0) return -ENOENT;
  if (target == n) return 0; // two names of one inode: nothing to do
  const src = iget(u32(n), err);
  if (src === null) return err[0];
  const r = renameHeld(src, oldParent, oldName, oldLen, newParent, newName, newLen, target);
  iput(src);
  return r;
}

function renameHeld(src: Inode, oldParent: Inode, oldName: usize, oldLen: i32, newParent: Inode, newName: usize, newLen: i32, target: i64): i64 {
  const dir = isDir(src);
  const moved = oldParent.ino != newParent.ino;
  if (dir && moved) {
    const u = under(newParent.ino, src.ino);
    if (u != 0) return u < 0 ? u : -EINVAL;
    if (target < 0 && newParent.links >= LINK_MAX) return -EMLINK;
  }
  let r: i64 = 0;
  if (target > 0) {
    const old = iget(u32(target), err);
    if (old === null) return err[0];
    if (isDir(old)) {
      if (!dir) r = -EISDIR;
      else {
        const e = dirEmpty(old);
        r = e < 0 ? i64(e) : e == 0 ? -ENOTEMPTY : 0;
      }
    } else if (dir) r = -ENOTDIR;
    if (r == 0) r = dirChange(newParent, newName, newLen, src.ino, typeOf(src.mode));
    if (r >= 0) {
      r = 0;
      if (isDir(old)) {
        old.links = 0;
        if (newParent.links > 2) newParent.links--;
      } else if (old.links > 0) old.links--;
      old.ctime = u32(wallSeconds());
      writeInode(old, false);
    }
    iput(old);
  } else r = i64(dirAdd(newParent, newName, newLen, src.ino, typeOf(src.mode)));
  if (r < 0) return r;
  r = dirChange(oldParent, oldName, oldLen, 0, 0);
  if (r < 0) return r;
  if (dir && moved) {
    const d = dirChange(src, dotdot, 2, newParent.ino, FT_DIR);
    if (d < 0) return d == -ENOENT ? -EUCLEAN : d;
    if (oldParent.links > 2) oldParent.links--;
    newParent.links++;
    writeInode(oldParent, false);
    writeInode(newParent, false);
  }
  src.ctime = u32(wallSeconds());
  return i64(writeInode(src, false));
}
