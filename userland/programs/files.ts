// files ROOT: the file system calls checked against the tree the storage
// tests stage (etc/motd = "welcome to tskc\n", dir/sub/deep.txt, lnk ->
// etc/motd), with paths relative to ROOT after chdir(ROOT), so the same
// program passes on tskc (ROOT = /) and on Linux (ROOT = the staging
// directory): chdir and getcwd, lseek, fstat/stat/lstat/newfstatat,
// getdents64, reading a directory, fsync of a file, and the errors of each. Prints a
// verdict per group; exits with the number of failed groups.
import { argAddr } from '../lib/args';
import { check, checksFor, groupsFailed, verdict } from '../lib/checks';
import { printf } from '../lib/print';
import { close, exit, read } from '../lib/sys';
import { cstrLength } from '../lib/text';
import {
  EINVAL, EISDIR, ENOENT, ENOTDIR, ERANGE, ESPIPE, O_RDONLY, SYS_CHDIR, SYS_FSTAT, SYS_GETCWD, SYS_GETDENTS64, SYS_LSEEK, SYS_LSTAT,
  SYS_NEWFSTATAT, SYS_OPENAT, SYS_PIPE2, SYS_STAT, SYS_FSYNC, SYS_FDATASYNC,
} from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const O_DIRECTORY: i64 = 0o200000;
const AT_SYMLINK_NOFOLLOW: i64 = 0x100;
const S_IFMT: u32 = 0xf000;
const buf: usize = memory.data(4096);
const st: usize = memory.data(144);

function c(s: string): usize {
  return changetype<usize>(s) + 8; // literals end in a NUL
}

function openAt(path: string, flags: i64): i64 {
  return syscall(SYS_OPENAT, AT_FDCWD, c(path), flags, 0);
}

/** Whether the NUL-terminated text at `p` ends with `tail`. */
function endsWith(p: usize, tail: string): bool {
  const n = cstrLength(p);
  const k = usize(tail.length);
  return n >= k && memcmp(p + n - k, c(tail), k) == 0;
}

function directories(): void {
  check('chdir ROOT', syscall(SYS_CHDIR, argAddr(1)), 0);
  check('chdir dir', syscall(SYS_CHDIR, c('dir')), 0);
  const n = syscall(SYS_GETCWD, buf, 4096);
  check('getcwd length with its NUL', n, i64(cstrLength(buf)) + 1);
  check('getcwd ends in /dir', endsWith(buf, '/dir') ? 1 : 0, 1);
  check('getcwd into 1 byte', syscall(SYS_GETCWD, buf, 1), -ERANGE);
  const fd = openAt('sub/deep.txt', O_RDONLY);
  check('a relative open after chdir', read(fd, buf, 100), 10);
  close(fd);
  check('chdir sub/../..', syscall(SYS_CHDIR, c('sub/../..')), 0);
  check('chdir a file', syscall(SYS_CHDIR, c('etc/motd')), -ENOTDIR);
  check('chdir a missing directory', syscall(SYS_CHDIR, c('nowhere')), -ENOENT);
  verdict('directories');
}

function seeking(): void {
  const fd = openAt('etc/motd', O_RDONLY);
  check('lseek SET 8', syscall(SYS_LSEEK, fd, 8, 0), 8);
  check('read after it', read(fd, buf, 100), 8);
  check('the bytes', load<u8>(buf) == 116 && load<u8>(buf + 7) == 10 ? 1 : 0, 1); // "to tskc\n"
  check('lseek END 0', syscall(SYS_LSEEK, fd, 0, 2), 16);
  check('lseek CUR -6', syscall(SYS_LSEEK, fd, -6, 1), 10);
  check('lseek to -1', syscall(SYS_LSEEK, fd, -1, 0), -EINVAL);
  check('lseek whence 7', syscall(SYS_LSEEK, fd, 0, 7), -EINVAL);
  check('lseek past the end', syscall(SYS_LSEEK, fd, 100, 0), 100);
  check('read past the end', read(fd, buf, 100), 0);
  close(fd);
  const pipe = memory.data(8);
  syscall(SYS_PIPE2, pipe, 0);
  check('lseek of a pipe', syscall(SYS_LSEEK, i64(load<i32>(pipe)), 0, 0), -ESPIPE);
  const file = openAt('etc/motd', O_RDONLY);
  check('fsync of a file', syscall(SYS_FSYNC, file, 0), 0);
  check('fdatasync of a file', syscall(SYS_FDATASYNC, file, 0), 0);
  close(file);
  close(i64(load<i32>(pipe)));
  close(i64(load<i32>(pipe + 4)));
  verdict('lseek');
}

function mode(): u32 {
  return load<u32>(st + 24) & S_IFMT;
}

function stats(): void {
  const fd = openAt('etc/motd', O_RDONLY);
  check('fstat', syscall(SYS_FSTAT, fd, st), 0);
  check('fstat size', load<i64>(st + 48), 16);
  check('fstat type', i64(mode()), 0x8000);
  close(fd);
  check('stat through the link', syscall(SYS_STAT, c('lnk'), st), 0);
  check('stat size', load<i64>(st + 48), 16);
  check('lstat of the link', syscall(SYS_LSTAT, c('lnk'), st), 0);
  check('lstat type', i64(mode()), 0xa000);
  check('lstat size (the target, 8 bytes)', load<i64>(st + 48), 8);
  check('newfstatat of dir', syscall(SYS_NEWFSTATAT, AT_FDCWD, c('dir'), st, 0), 0);
  check('newfstatat type', i64(mode()), 0x4000);
  check('newfstatat NOFOLLOW', syscall(SYS_NEWFSTATAT, AT_FDCWD, c('lnk'), st, AT_SYMLINK_NOFOLLOW), 0);
  check('its type', i64(mode()), 0xa000);
  check('stat of a missing file', syscall(SYS_STAT, c('nope'), st), -ENOENT);
  check('stat through a file', syscall(SYS_STAT, c('etc/motd/x'), st), -ENOTDIR);
  verdict('stat');
}

function listing(): void {
  const dir = openAt('dir/sub', O_RDONLY | O_DIRECTORY);
  check('read of a directory', read(dir, buf, 100), -EISDIR);
  let seen: i64 = 0;
  while (true) {
    const n = syscall(SYS_GETDENTS64, dir, buf, 4096);
    if (n <= 0) {
      check('getdents64 ends with 0', n, 0);
      break;
    }
    for (let at: i64 = 0; at < n; at += i64(load<u16>(buf + usize(at) + 16))) {
      const name = buf + usize(at) + 19;
      if (cstrLength(name) == 8 && memcmp(name, c('deep.txt'), 8) == 0) {
        seen++;
        check('its type', i64(load<u8>(buf + usize(at) + 18)), 8); // DT_REG
      }
    }
  }
  check('deep.txt listed once', seen, 1);
  check('getdents64 into 10 bytes', syscall(SYS_GETDENTS64, openAgain(dir), buf, 10), -EINVAL);
  close(dir);
  const file = openAt('etc/motd', O_RDONLY);
  check('getdents64 of a file', syscall(SYS_GETDENTS64, file, buf, 4096), -ENOTDIR);
  close(file);
  check('O_DIRECTORY of a file', openAt('etc/motd', O_RDONLY | O_DIRECTORY), -ENOTDIR);
  verdict('getdents64');
}

/** Closes `fd` and opens dir/sub again at its start. */
function openAgain(fd: i64): i64 {
  close(fd);
  return openAt('dir/sub', O_RDONLY | O_DIRECTORY);
}

checksFor('files');
directories();
seeking();
stats();
listing();
printf(`files: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
