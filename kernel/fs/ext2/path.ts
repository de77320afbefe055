// Path lookup on the ext2 volume: component by component from `/` or the
// current directory, each one looked up in a directory (`.` and `..` are
// ordinary entries there). Symbolic links are followed (at most
// MAX_LINKS of them, else -ELOOP), the last component only when asked.
// A component longer than NAME_MAX is -ENAMETOOLONG, a missing one
// -ENOENT, a non-directory in the middle -ENOTDIR. docs/storage.md, "Files".
import { EINVAL, ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR } from '../../syscall/numbers';
import { DirEntry, dirLookup } from './dir';
import { Inode, isFastLink, readInode, ROOT_INODE, S_IFDIR, S_IFLNK, S_IFMT } from './inode';
import { ext2Read } from './read';

export const NAME_MAX: i32 = 255;
const MAX_LINKS: i32 = 8;
/** The longest symbolic link target followed (a target fits in one block, at most 4 KiB). */
const LINK_MAX: u64 = 4096;
const FAST_LINK_BYTES: u64 = 60; // a target this short lives in i_block

/** Reads the target of symlink `inode` into `dst` (at least LINK_MAX bytes): its length, or -errno. */
export function readLink(inode: Inode, dst: usize, max: u64): i64 {
  if ((inode.mode & S_IFMT) != S_IFLNK) return -EINVAL;
  const n = inode.size < max ? inode.size : max;
  if (inode.size < FAST_LINK_BYTES && isFastLink(inode)) {
    memcpy(dst, changetype<usize>(inode.block) + 8, usize(n));
    return i64(n);
  }
  return ext2Read(inode, 0, u64(dst), n, false);
}

/**
 * Resolves the `len` bytes at `path` starting at directory `start` (or
 * `/` if the path is absolute) into `out`; follows a symlink in the last
 * component if `followLast`. 0 or -errno.
 */
export function lookup(path: usize, len: i32, start: u32, followLast: bool, out: Inode): i32 {
  return walk(path, len, start, followLast, out, 0);
}

function walk(path: usize, len: i32, start: u32, followLast: bool, out: Inode, depth: i32): i32 {
  let i: i32 = 0;
  let dir = len > 0 && load<u8>(path) == 47 ? ROOT_INODE : start;
  let r = readInode(dir, out);
  if (r < 0) return r;
  const entry = new DirEntry();
  while (r == 0) {
    while (i < len && load<u8>(path + usize(i)) == 47) i++;
    if (i == len) break;
    let end = i;
    while (end < len && load<u8>(path + usize(end)) != 47) end++;
    if (end - i > NAME_MAX) r = i32(-ENAMETOOLONG);
    else if ((out.mode & S_IFMT) != S_IFDIR) r = i32(-ENOTDIR);
    else {
      const found = dirLookup(out, path + usize(i), end - i, entry);
      if (found < 0) r = i32(found);
      else if (found == 0) r = i32(-ENOENT);
      else {
        r = readInode(u32(found), out);
        const last = end == len || onlySlashes(path, end, len);
        if (r == 0 && (out.mode & S_IFMT) == S_IFLNK && (!last || followLast)) r = follow(out, dir, depth);
        if (r == 0 && last && end < len && (out.mode & S_IFMT) != S_IFDIR) r = i32(-ENOTDIR); // "file/"
        dir = out.ino;
      }
    }
    i = end;
  }
  free(entry);
  return r;
}

function onlySlashes(path: usize, from: i32, len: i32): bool {
  for (let k = from; k < len; k++) if (load<u8>(path + usize(k)) != 47) return false;
  return true;
}

/** Replaces symlink `link` (found in directory `dir`) in `link` itself by what its target resolves to. */
function follow(link: Inode, dir: u32, depth: i32): i32 {
  if (depth >= MAX_LINKS) return i32(-ELOOP);
  const target = new Uint8Array(4096);
  const at = changetype<usize>(target) + 8;
  const n = readLink(link, at, LINK_MAX);
  const r = n < 0 ? i32(n) : walk(at, i32(n), dir, true, link, depth + 1);
  free(target);
  return r;
}
