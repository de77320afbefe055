// head [-n LINES | -c BYTES]: copies the first LINES lines (10 by default)
// or BYTES bytes of standard input to standard output, then exits 0
// without reading further (a writer before it in a pipeline then gets EPIPE).

import { argIs, argNumber } from '../lib/args';
import { println } from '../lib/print';
import { exit, isError, read, writeAll } from '../lib/sys';

const buf: usize = memory.data(4096);

let lines = true;
let count: i64 = 10;
if (argIs(1, '-n') || argIs(1, '-c')) {
  lines = argIs(1, '-n');
  count = argNumber(2, -1);
}
if (count < 0) {
  println('usage: head [-n LINES | -c BYTES]');
  exit(2);
}
while (count > 0) {
  const n = read(0, buf, 4096);
  if (n <= 0) break;
  let take: i64 = 0;
  if (lines) {
    while (take < n && count > 0) {
      if (load<u8>(buf + usize(take)) == 10) count--;
      take++;
    }
  } else {
    take = n < count ? n : count;
    count -= take;
  }
  if (isError(writeAll(1, buf, usize(take)))) exit(1);
}
exit(0);
