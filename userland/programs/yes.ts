// yes [WORD]: writes WORD (y by default) and a new line to standard output
// again and again, until a write fails (the reader of its pipe has gone:
// EPIPE; on Linux the SIGPIPE that comes with it ends it first). Exits 1.

import { argAddr, argCount, argLength } from '../lib/args';
import { exit, writeAll } from '../lib/sys';

const BUF: usize = 4096;
const buf: usize = memory.data(4096);

// Fill the buffer with whole lines, then write it again and again.
let word: usize = 0;
let wordLen: usize = 1;
if (argCount() >= 2) {
  word = argAddr(1);
  wordLen = argLength(1);
}
if (wordLen > BUF - 1) wordLen = BUF - 1;
let fill: usize = 0;
while (fill + wordLen + 1 <= BUF) {
  if (word == 0) store<u8>(buf + fill, 121); // 'y'
  else memcpy(buf + fill, word, wordLen);
  store<u8>(buf + fill + wordLen, 10);
  fill += wordLen + 1;
}
while (writeAll(1, buf, fill) >= 0) {}
exit(1);
