// ls [-l] [PATH]: the entries of directory PATH (default: the current
// directory), one per line in the directory's order, `.` and `..` left
// out; with -l each line is "TYPE SIZE NAME" (TYPE d, -, l or ?), the
// size from newfstatat. A PATH that is not a directory is listed as
// itself. Exits 1 when PATH cannot be opened. Built for tskc and Linux.
import { argAddr, argCount, argIs } from '../lib/args';
import { print, printByte, printBytes, printInt } from '../lib/print';
import { close, exit, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';
import { O_RDONLY, SYS_GETDENTS64, SYS_NEWFSTATAT, SYS_OPENAT } from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const O_DIRECTORY: i64 = 0o200000;
const AT_SYMLINK_NOFOLLOW: i64 = 0x100;
const ENOTDIR: i64 = 20;
const buf: usize = memory.data(4096);
const st: usize = memory.data(144);

function typeChar(mode: u32): u8 {
  const t = mode & 0xf000;
  return t == 0x4000 ? 100 : t == 0x8000 ? 45 : t == 0xa000 ? 108 : 63; // d - l ?
}

/** One line: the name (`len` bytes at `name`), after TYPE and SIZE with -l (stat relative to `dirfd`). */
function entry(dirfd: i64, name: usize, len: usize, long: bool): void {
  if (long) {
    const r = syscall(SYS_NEWFSTATAT, dirfd, name, st, AT_SYMLINK_NOFOLLOW);
    if (isError(r)) print('? ? ');
    else {
      printByte(typeChar(load<u32>(st + 24)));
      print(' ');
      printInt(load<i64>(st + 48));
      print(' ');
    }
  }
  printBytes(name, len);
  print('\n');
}

const long = argIs(1, '-l');
const first = long ? 2 : 1;
const path = argCount() > first ? argAddr(first) : changetype<usize>('.') + 8;
const fd = syscall(SYS_OPENAT, AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
if (fd == -ENOTDIR) {
  entry(AT_FDCWD, path, cstrLength(path), long);
  exit(0);
}
if (isError(fd)) {
  print('ls: cannot open ');
  printBytes(path, cstrLength(path));
  print('\n');
  exit(1);
}
while (true) {
  const n = syscall(SYS_GETDENTS64, fd, buf, 4096);
  if (n <= 0) break;
  let at: i64 = 0;
  while (at < n) {
    const rec = buf + usize(at);
    const name = rec + 19;
    const len = cstrLength(name);
    const dot = load<u8>(name) == 46 && (len == 1 || (len == 2 && load<u8>(name + 1) == 46));
    if (!dot) entry(fd, name, len, long);
    at += i64(load<u16>(rec + 16));
  }
}
close(fd);
exit(0);
