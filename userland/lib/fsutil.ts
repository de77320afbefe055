// What the file programs (rm, cp, mv, ln, stat, tail, grep …) share: the
// *at file calls with AT_FDCWD, a `struct stat` read in place, errno's
// text as the C library's strerror words it, and GNU-style complaints on
// standard error: `rm: cannot remove 'x': No such file or directory`.
// Paths are NUL-terminated byte strings (argument addresses).

import {
  AT_FDCWD, AT_SYMLINK_NOFOLLOW, EBADF, EBUSY, EEXIST, EFBIG, EINVAL, EIO, EISDIR, ELOOP, EMLINK, ENAMETOOLONG, ENOENT, ENOSPC, ENOTDIR,
  ENOTEMPTY, EPERM, EROFS, SYS_LINKAT, SYS_MKDIRAT, SYS_NEWFSTATAT, SYS_OPENAT, SYS_READLINKAT, SYS_RENAMEAT, SYS_SYMLINKAT, SYS_UNLINKAT,
  SYS_UTIMENSAT,
} from '../../kernel/syscall/numbers';
import { argAddr, argCount } from './args';
import { isError, mmapAnon, munmap, read, writeAll } from './sys';
import { cstrLength } from './text';

/** A `struct stat` (144 bytes) that statPath fills. */
export const st: usize = memory.data(144);
export const S_IFMT: u32 = 0xf000;
export const S_IFDIR: u32 = 0x4000;
export const S_IFREG: u32 = 0x8000;
export const S_IFLNK: u32 = 0xa000;

export function stMode(): u32 { return load<u32>(st + 24); }
export function stSize(): i64 { return load<i64>(st + 48); }
export function stLinks(): i64 { return load<i64>(st + 16); }
export function isDirMode(mode: u32): bool { return (mode & S_IFMT) == S_IFDIR; }

/** newfstatat(AT_FDCWD, path, st): follows a final symbolic link unless `nofollow`; 0 or -errno. */
export function statPath(path: usize, nofollow: bool): i64 {
  return syscall(SYS_NEWFSTATAT, AT_FDCWD, path, st, nofollow ? AT_SYMLINK_NOFOLLOW : 0);
}

export function openPath(path: usize, flags: i64, mode: i64): i64 { return syscall(SYS_OPENAT, AT_FDCWD, path, flags, mode); }
export function mkdirPath(path: usize, mode: i64): i64 { return syscall(SYS_MKDIRAT, AT_FDCWD, path, mode); }
export function unlinkIn(dirfd: i64, path: usize, flags: i64): i64 { return syscall(SYS_UNLINKAT, dirfd, path, flags); }
export function renamePath(from: usize, to: usize): i64 { return syscall(SYS_RENAMEAT, AT_FDCWD, from, AT_FDCWD, to); }
export function linkPath(from: usize, to: usize): i64 { return syscall(SYS_LINKAT, AT_FDCWD, from, AT_FDCWD, to, 0); }
export function symlinkPath(target: usize, link: usize): i64 { return syscall(SYS_SYMLINKAT, target, AT_FDCWD, link); }
export function readlinkPath(path: usize, buf: usize, size: usize): i64 { return syscall(SYS_READLINKAT, AT_FDCWD, path, buf, size); }
/** utimensat with NULL times: both times of `path` become now. */
export function touchTimes(path: usize): i64 { return syscall(SYS_UTIMENSAT, AT_FDCWD, path, 0, 0); }

/** The C library's text for `errno` (what GNU tools print after the colon). */
export function errnoText(errno: i64): string {
  switch (errno) {
    case EPERM: return 'Operation not permitted';
    case ENOENT: return 'No such file or directory';
    case EIO: return 'Input/output error';
    case EBADF: return 'Bad file descriptor';
    case EBUSY: return 'Device or resource busy';
    case EEXIST: return 'File exists';
    case ENOTDIR: return 'Not a directory';
    case EISDIR: return 'Is a directory';
    case EINVAL: return 'Invalid argument';
    case EFBIG: return 'File too large';
    case ENOSPC: return 'No space left on device';
    case EROFS: return 'Read-only file system';
    case EMLINK: return 'Too many links';
    case ENAMETOOLONG: return 'File name too long';
    case ENOTEMPTY: return 'Directory not empty';
    case ELOOP: return 'Too many levels of symbolic links';
    default: return 'Unknown error';
  }
}

function err(s: string): void {
  writeAll(2, changetype<usize>(s) + 8, usize(s.length));
}

function errPath(p: usize): void {
  writeAll(2, p, cstrLength(p));
}

/** `PROG: WHAT 'PATH': TEXT` on standard error (`result` is -errno; 0 leaves `: TEXT` out). */
export function complain(prog: string, what: string, path: usize, result: i64): void {
  complainAfter(prog, what, path, '', result);
}

/** As complain, with `after` after the quoted path (`tail: cannot open 'x' for reading: …`). */
export function complainAfter(prog: string, what: string, path: usize, after: string, result: i64): void {
  err(prog);
  err(': ');
  err(what);
  err(" '");
  errPath(path);
  err("'");
  err(after);
  if (result != 0) {
    err(': ');
    err(errnoText(-result));
  }
  err('\n');
}

/** `PROG: PATH: TEXT` on standard error, as grep and hexdump say it. */
export function complainBare(prog: string, path: usize, result: i64): void {
  err(prog);
  err(': ');
  errPath(path);
  err(': ');
  err(errnoText(-result));
  err('\n');
}

/** `PROG: TEXT` and a newline on standard error (usage and the like). */
export function complainText(prog: string, text: string): void {
  err(prog);
  err(': ');
  err(text);
  err('\n');
}

const joined: usize = memory.data(4096);

/** DIR/BASE, where BASE is the last component of `path` (NUL-terminated, in a static buffer); 0 if too long. */
export function intoDir(dir: usize, path: usize): usize {
  let end = cstrLength(path);
  while (end > 1 && load<u8>(path + end - 1) == 47) end--;
  let start = end;
  while (start > 0 && load<u8>(path + start - 1) != 47) start--;
  let dlen = cstrLength(dir);
  while (dlen > 1 && load<u8>(dir + dlen - 1) == 47) dlen--;
  if (dlen + 1 + (end - start) + 1 > 4096) return 0;
  memcpy(joined, dir, dlen);
  let at = dlen;
  if (dlen != 1 || load<u8>(dir) != 47) {
    store<u8>(joined + at, 47);
    at++;
  }
  memcpy(joined + at, path + start, end - start);
  store<u8>(joined + at + end - start, 0);
  return joined;
}

let allAt: usize = 0;
let allCap: usize = 0;
/** The most readAll keeps. */
const ALL_MAX: usize = 256 << 20;

/** Where readAll left the bytes. */
export function allBytes(): usize {
  return allAt;
}

/** Reads `fd` to its end into one buffer (grown with mmap, kept for the next call): its length, or -errno (-EFBIG past 256 MiB). */
export function readAll(fd: i64): i64 {
  let len: usize = 0;
  while (true) {
    if (len == allCap) {
      const cap = allCap == 0 ? usize(65536) : allCap * 2;
      if (cap > ALL_MAX) return -EFBIG;
      const m = mmapAnon(cap);
      if (isError(m)) return m;
      if (allCap != 0) {
        memcpy(usize(m), allAt, len);
        munmap(allAt, allCap);
      }
      allAt = usize(m);
      allCap = cap;
    }
    const n = read(fd, allAt + len, allCap - len);
    if (n == 0) return i64(len);
    if (isError(n)) return n;
    len += usize(n);
  }
}

/**
 * The operands of cp and mv: SOURCE DEST, or SOURCE… DIRECTORY (each
 * source then goes into the directory under its last name); calls
 * `each(source, destination)`, which says why when it fails. The exit status.
 */
export function eachSource(prog: string, each: (from: usize, to: usize) => bool): i32 {
  const n = argCount();
  if (n < 3) {
    complainText(prog, n < 2 ? 'missing file operand' : 'missing destination file operand');
    return 1;
  }
  const dest = argAddr(n - 1);
  const toDir = !isError(statPath(dest, false)) && isDirMode(stMode());
  if (n > 3 && !toDir) {
    complain(prog, 'target', dest, -ENOTDIR);
    return 1;
  }
  let status: i32 = 0;
  for (let i: i32 = 1; i < n - 1; i++) {
    const to = toDir ? intoDir(dest, argAddr(i)) : dest;
    if (to == 0 || !each(argAddr(i), to)) status = 1;
  }
  return status;
}
