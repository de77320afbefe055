// Finding the program a path names for execve and spawn: a regular file on
// the mounted volume, read whole (through the ext2 read path) into frames
// of its own and entered in the program table (programs.ts), where the
// processes running it share it; or, when the volume has no such file (or
// there is no volume), `/bin/NAME` names program NAME of the initrd. The
// file is untrusted: its size is bounded, and the loader (loader.ts) and
// the debug-table check (debugtable.ts) validate everything in it before
// use. docs/processes.md, "Programs".
import { Inode, S_IFMT, S_IFREG } from '../fs/ext2/inode';
import { ext2Read } from '../fs/ext2/read';
import { allocFrames, freeFrameRun } from '../mm/frames';
import { physToVirt } from '../mm/phys';
import { PathArg, resolve } from '../syscall/fs';
import { AT_FDCWD, ENOENT, ENOEXEC, ENOMEM } from '../syscall/numbers';
import { findDiskProgram, findProgram, programAdd, programHold, programSetSource } from './programs';

/** The largest executable read from the disk. */
export const PROGRAM_MAX_BYTES: u64 = 8 * 1024 * 1024;
const BIN = '/bin/';

/** The offset of the last component of `path` (after its last '/'). */
function baseName(path: PathArg): i64 {
  let i = path.length;
  while (i > 0 && load<u8>(path.at() + usize(i - 1)) != 47) i--;
  return i;
}

/** Reads the file `inode` into new frames and enters it as program NAME (the last component of `path`); its index or -errno. */
function readProgram(path: PathArg, inode: Inode): i64 {
  if ((inode.mode & S_IFMT) != S_IFREG) return -ENOEXEC;
  if (inode.size < 64 || inode.size > PROGRAM_MAX_BYTES) return -ENOEXEC;
  const known = findDiskProgram(inode.ino, inode.mtime, inode.size);
  if (known >= 0) return known;
  const pages = (inode.size + 4095) / 4096;
  const frames = allocFrames(pages);
  if (frames == 0) return -ENOMEM;
  const buf = physToVirt(frames);
  const r = ext2Read(inode, 0, u64(buf), inode.size, false);
  if (r != i64(inode.size)) {
    freeFrameRun(frames, pages);
    return r < 0 ? r : -ENOEXEC; // a short read: the file changed or its blocks are bad
  }
  memset(buf + usize(inode.size), 0, usize(pages * 4096 - inode.size)); // no stale bytes in the shared tail page
  const name = baseName(path);
  const i = programAdd(path.at() + usize(name), usize(path.length - name), buf, usize(inode.size), false, frames, pages);
  if (i < 0) {
    freeFrameRun(frames, pages);
    return -ENOMEM;
  }
  programSetSource(usize(i), inode.ino, inode.mtime);
  return i;
}

/**
 * The program `path` names, resolved from the caller's current directory,
 * held for the caller (programRelease gives it back): its index in the
 * program table, or -errno.
 */
export function programForPath(path: PathArg): i64 {
  if (path.length <= 0) return path.length < 0 ? path.length : -ENOENT;
  const inode = new Inode();
  let r = resolve(AT_FDCWD, path, true, inode);
  if (r == 0) r = readProgram(path, inode);
  free(inode);
  if (r == -ENOENT) {
    const prefix = i64(BIN.length);
    const name = baseName(path);
    if (path.length > prefix && name == prefix && memcmp(path.at(), changetype<usize>(BIN) + 8, usize(prefix)) == 0) {
      r = findProgram(path.at() + usize(prefix), usize(path.length - prefix));
      if (r < 0) r = -ENOENT;
    }
  }
  if (r >= 0) programHold(r);
  return r;
}
