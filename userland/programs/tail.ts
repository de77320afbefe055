// tail [-n LINES | -c BYTES] [FILE]: the last LINES lines (10 by
// default; a last line without a newline counts) or BYTES bytes of FILE
// or standard input. `tail: cannot open 'x' for reading: No such file or
// directory` on standard error, exit 1. Built for tskc and Linux.
import { argAddr, argCount, argIs, argNumber } from '../lib/args';
import { allBytes, complainAfter, complainText, openPath, readAll } from '../lib/fsutil';
import { close, exit, isError, writeAll } from '../lib/sys';
import { O_RDONLY } from '../../kernel/syscall/numbers';

let lines = true;
let count: i64 = 10;
let at: i32 = 1;
if (argIs(1, '-n') || argIs(1, '-c')) {
  lines = argIs(1, '-n');
  count = argNumber(2, -1);
  at = 3;
}
if (count < 0 || argCount() > at + 1) {
  complainText('tail', 'usage: tail [-n LINES | -c BYTES] [FILE]');
  exit(1);
}
let fd: i64 = 0;
if (argCount() > at) {
  fd = openPath(argAddr(at), O_RDONLY, 0);
  if (isError(fd)) {
    complainAfter('tail', 'cannot open', argAddr(at), ' for reading', fd);
    exit(1);
  }
}
const n = readAll(fd);
if (isError(n)) {
  complainText('tail', 'read error');
  exit(1);
}
if (fd != 0) close(fd);
const p = allBytes();
let start = n;
if (!lines) start = n > count ? n - count : 0;
else if (count > 0) {
  let end = n;
  if (end > 0 && load<u8>(p + usize(end - 1)) == 10) end--; // the last line's own newline
  let seen: i64 = 0;
  start = end;
  while (start > 0) {
    if (load<u8>(p + usize(start - 1)) == 10) {
      seen++;
      if (seen == count) break;
    }
    start--;
  }
}
if (isError(writeAll(1, p + usize(start), usize(n - start)))) exit(1);
exit(0);
