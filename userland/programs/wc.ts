// wc: counts the lines, words and bytes of standard input and prints them
// as GNU wc does for a pipe: three numbers, each right-aligned in 7 columns.

import { printf } from '../lib/print';
import { exit, isError, read } from '../lib/sys';

const buf: usize = memory.data(4096);

let lines: i64 = 0;
let words: i64 = 0;
let bytes: i64 = 0;
let inWord = false;
while (true) {
  const n = read(0, buf, 4096);
  if (n == 0) break;
  if (isError(n)) exit(1);
  bytes += n;
  for (let i: i64 = 0; i < n; i++) {
    const c = load<u8>(buf + usize(i));
    if (c == 10) lines++;
    const space = c == 32 || (c >= 9 && c <= 13);
    if (!space && !inWord) words++;
    inWord = !space;
  }
}

/** `v` right-aligned in 7 columns. */
function column(v: i64): void {
  let digits: i64 = 1;
  for (let t = v; t >= 10; t /= 10) digits++;
  for (let i = digits; i < 7; i++) printf(` `);
  printf(`${v}`);
}

column(lines);
printf(` `);
column(words);
printf(` `);
column(bytes);
printf(`\n`);
exit(0);
