// sum: reads standard input to its end and prints its length in bytes and
// its 32-bit FNV-1a hash, "BYTES HASH" in decimal: a checksum for what
// passed through a pipe.

import { printf } from '../lib/print';
import { exit, isError, read } from '../lib/sys';

const buf: usize = memory.data(4096);

let bytes: u64 = 0;
let hash: u32 = 0x811c9dc5;
while (true) {
  const n = read(0, buf, 4096);
  if (n == 0) break;
  if (isError(n)) exit(1);
  bytes += u64(n);
  for (let i: i64 = 0; i < n; i++) {
    hash ^= u32(load<u8>(buf + usize(i)));
    hash *= 0x01000193;
  }
}
printf(`${bytes} ${hash}\n`);
exit(0);
