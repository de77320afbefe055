// stat FILE…: each file's name (a symbolic link with its target, read
// with readlinkat), size, type, permissions and link count, not following
// a final link (lstat):
//     File: a -> b
//     Size: 1	Type: symbolic link
//   Access: (0777/lrwxrwxrwx)  Links: 1
// `stat: cannot stat 'x': No such file or directory` on standard error;
// exits 1 if any failed. Built for tskc and Linux.
import { argAddr, argCount } from '../lib/args';
import { complain, complainText, readlinkPath, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, stLinks, stMode, stSize, statPath } from '../lib/fsutil';
import { print, printByte, printBytes, printf } from '../lib/print';
import { exit, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';

const target: usize = memory.data(4096);

function typeName(mode: u32, size: i64): string {
  const t = mode & S_IFMT;
  if (t == S_IFREG) return size == 0 ? 'regular empty file' : 'regular file';
  if (t == S_IFDIR) return 'directory';
  if (t == S_IFLNK) return 'symbolic link';
  if (t == 0x2000) return 'character special file';
  if (t == 0x1000) return 'fifo';
  return 'unknown';
}

function typeLetter(mode: u32): u8 {
  const t = mode & S_IFMT;
  return t == S_IFDIR ? 100 : t == S_IFLNK ? 108 : t == 0x2000 ? 99 : t == 0x1000 ? 112 : 45; // d l c p -
}

/** `(0644/-rw-r--r--)`. */
function access(mode: u32): void {
  printf(`(0${(mode >> 6) & 7}${(mode >> 3) & 7}${mode & 7}/`);
  printByte(typeLetter(mode));
  const letters = changetype<usize>('rwxrwxrwx') + 8;
  for (let i: u32 = 0; i < 9; i++) printByte((mode & (u32(0o400) >> i)) != 0 ? load<u8>(letters + usize(i)) : 45);
  print(')');
}

if (argCount() < 2) {
  complainText('stat', 'missing operand');
  exit(1);
}
let status: i32 = 0;
for (let i: i32 = 1; i < argCount(); i++) {
  const path = argAddr(i);
  const r = statPath(path, true);
  if (isError(r)) {
    complain('stat', 'cannot stat', path, r);
    status = 1;
    continue;
  }
  const mode = stMode();
  const size = stSize();
  const links = stLinks();
  print('  File: ');
  printBytes(path, cstrLength(path));
  if ((mode & S_IFMT) == S_IFLNK) {
    const n = readlinkPath(path, target, 4096);
    if (!isError(n)) {
      print(' -> ');
      printBytes(target, usize(n));
    }
  }
  printf(`\n  Size: ${size}\tType: ${typeName(mode, size)}\nAccess: `);
  access(mode);
  printf(`  Links: ${links}\n`);
}
exit(status);
