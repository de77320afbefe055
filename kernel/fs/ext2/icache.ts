// The inodes in use: one shared copy of each inode that an open file or
// a call that changes it holds, found by number, so every fd of a file
// sees the same size and blocks. Changes are written to the inode table
// (the cache) as they are made, so a fresh read (path lookup) agrees with
// the shared copy. An inode whose last link goes while it is held (an
// unlinked open file) is freed, blocks and all, when the last holder lets
// go, its block of extended attributes with it when no other inode
// shares that block. docs/storage.md, "Writing".
import { wallSeconds } from '../../syscall/time';
import { cacheData, cacheMarkDirty, cacheRelease } from '../../block/cache';
import { freeBlock, freeInode } from './alloc';
import { Inode, readInode, S_IFDIR, S_IFMT, writeInode } from './inode';
import { freeBlocksFrom } from './truncate';
import { readBlock } from './volume';

let open: Inode | null = null;

function find(ino: u32): Inode | null {
  let at = open;
  while (at !== null && at.ino != ino) at = at.nextOpen;
  return at;
}

/** Whether any inode is held (an open file, a call in progress): the volume cannot be swapped then. */
export function icacheBusy(): bool {
  return open !== null;
}

/** The shared copy of `fresh` (an inode just read, which this takes over: freed if a copy is held already), held once more. */
export function iadopt(fresh: Inode): Inode {
  const held = find(fresh.ino);
  if (held !== null) {
    free(fresh);
    held.refs++;
    return held;
  }
  fresh.refs = 1;
  fresh.nextOpen = open;
  open = fresh;
  return fresh;
}

/** Inode `ino`, held (iput it), or null with the reason in `err[0]`. */
export function iget(ino: u32, err: Int64Array): Inode | null {
  const held = find(ino);
  if (held !== null) {
    held.refs++;
    return held;
  }
  const fresh = new Inode();
  const r = readInode(ino, fresh);
  if (r < 0) {
    free(fresh);
    err[0] = i64(r);
    return null;
  }
  return iadopt(fresh);
}

/** Lets go of `inode`; the last holder of an inode with no links left frees it. */
export function iput(inode: Inode): void {
  inode.refs--;
  if (inode.refs > 0) return;
  if (open === inode) open = inode.nextOpen;
  else {
    let at = open;
    while (at !== null && at.nextOpen !== inode) at = at.nextOpen;
    if (at !== null) at.nextOpen = inode.nextOpen;
  }
  if (inode.links == 0 && inode.mode != 0) release(inode);
  free(inode);
}

/** The header of a block of extended attributes: its magic, and how many inodes share it. */
const XATTR_MAGIC: u32 = 0xea020000;

/** Drops `inode`'s share of its block of extended attributes, freeing the block with its last share. */
function dropXattrs(inode: Inode): void {
  const blk = u64(inode.xattrBlock);
  inode.xattrBlock = 0;
  const b = readBlock(blk);
  if (b < 0) return; // outside the volume: nothing to give back
  const p = cacheData(b);
  let last = false;
  if (load<u32>(p) == XATTR_MAGIC && load<u32>(p + 4) > 0) {
    store<u32>(p + 4, load<u32>(p + 4) - 1);
    last = load<u32>(p + 4) == 0;
    cacheMarkDirty(b);
  }
  cacheRelease(b);
  if (last) freeBlock(blk);
}

/** Frees the blocks and the inode itself of `inode`, which has no links left. */
function release(inode: Inode): void {
  const dir = (inode.mode & S_IFMT) == S_IFDIR;
  if (inode.xattrBlock != 0) dropXattrs(inode);
  freeBlocksFrom(inode, 0);
  inode.size = 0;
  inode.sectors = 0;
  inode.dtime = u32(wallSeconds());
  writeInode(inode, false);
  freeInode(inode.ino, dir);
}
