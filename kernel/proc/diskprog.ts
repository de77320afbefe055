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
import { findDiskProgram, findProgram, programAdd, programHold, programIs, programNamesGeneration, programSetSource } from './programs';

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
 * Absolute paths that resolved to a program, PATH_CACHE of them in static
 * storage (the oldest replaced first): slot k's bytes at k * PATH_CACHED_MAX,
 * its length (-1: empty), the program's index, the names' generation then,
 * and the inode and modification time the program was read from (0 for an
 * initrd program).
 */
const PATH_CACHE: i32 = 8;
const PATH_CACHED_MAX: i32 = 64;
const pathBytes = new Uint8Array(512); // PATH_CACHE * PATH_CACHED_MAX
const pathLen = new Int64Array(8);
const pathIndex = new Int64Array(8);
const pathGen = new Uint64Array(8);
const pathIno = new Uint32Array(8);
const pathMtime = new Uint32Array(8);
let nextPath: i32 = 0;
let pathsCleared = false;

function clearPaths(): void {
  if (pathsCleared) return;
  for (let k: i32 = 0; k < PATH_CACHE; k++) pathLen[k] = -1;
  pathsCleared = true;
}

/** The program an absolute `path` named last time, if no directory has changed since and the program is still the one read then; or -1. */
function cachedProgram(path: PathArg): i64 {
  clearPaths();
  const gen = programNamesGeneration();
  for (let k: i32 = 0; k < PATH_CACHE; k++) {
    if (pathLen[k] != path.length || pathGen[k] != gen) continue;
    if (memcmp(changetype<usize>(pathBytes) + 8 + usize(k * PATH_CACHED_MAX), path.at(), usize(path.length)) != 0) continue;
    return programIs(pathIndex[k], pathIno[k], pathMtime[k]) ? pathIndex[k] : -1;
  }
  return -1;
}

function cachePath(path: PathArg, index: i64, ino: u32, mtime: u32): void {
  if (path.length > i64(PATH_CACHED_MAX) || load<u8>(path.at()) != 47) return; // absolute paths only: the current directory plays no part
  clearPaths();
  const k = nextPath;
  nextPath = (nextPath + 1) % PATH_CACHE;
  memcpy(changetype<usize>(pathBytes) + 8 + usize(k * PATH_CACHED_MAX), path.at(), usize(path.length));
  pathLen[k] = path.length;
  pathIndex[k] = index;
  pathGen[k] = programNamesGeneration();
  pathIno[k] = ino;
  pathMtime[k] = mtime;
}

/**
 * The program `path` names, resolved from the caller's current directory,
 * held for the caller (programRelease gives it back): its index in the
 * program table, or -errno. An absolute path resolved before is not
 * walked again while no directory has changed (programNamesChanged) and
 * its program is still the one read then: a spawn of `true` skips the
 * scan of `/bin` (about 27,000 instructions).
 */
export function programForPath(path: PathArg): i64 {
  if (path.length <= 0) return path.length < 0 ? path.length : -ENOENT;
  const known = cachedProgram(path);
  if (known >= 0) {
    programHold(known);
    return known;
  }
  const inode = new Inode();
  let r = resolve(AT_FDCWD, path, true, inode);
  if (r == 0) {
    r = readProgram(path, inode);
    if (r >= 0) cachePath(path, r, inode.ino, inode.mtime);
  }
  free(inode);
  if (r == -ENOENT) {
    const prefix = i64(BIN.length);
    const name = baseName(path);
    if (path.length > prefix && name == prefix && memcmp(path.at(), changetype<usize>(BIN) + 8, usize(prefix)) == 0) {
      r = findProgram(path.at() + usize(prefix), usize(path.length - prefix));
      if (r < 0) r = -ENOENT;
      else cachePath(path, r, 0, 0); // good until a directory changes: a file of that name may appear on the volume
    }
  }
  if (r >= 0) programHold(r);
  return r;
}
