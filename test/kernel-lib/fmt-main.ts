// Host test program for kernel/lib/fmt.ts (compiled with --target linux):
// formats the 64-bit values read from stdin (8 bytes each, little-endian)
// in every printer and writes one line per value: signed decimal, unsigned
// decimal, hex, binary and a zero-padded hex.
import { writeHex, writeSigned, writeString, writeUnsigned } from '../../kernel/lib/fmt';
import { readStdin, stdinLength } from './stdin';

const out: usize = memory.data(256);
let used: usize = 0;

function put(b: u8): void {
  store<u8>(out + used, b);
  used++;
}

function flush(): void {
  syscall(1, 1, out, used);
  used = 0;
}

const values = readStdin();
for (let i: i32 = 0; i + 8 <= stdinLength; i += 8) {
  const v = load<u64>(values + usize(i));
  writeSigned(i64(v), put);
  writeString(' ', put);
  writeUnsigned(v, 10, 1, put);
  writeString(' ', put);
  writeHex(v, 1, put);
  writeString(' ', put);
  writeUnsigned(v, 2, 1, put);
  writeString(' ', put);
  writeHex(v, 8, put);
  writeString('\n', put);
  flush();
}
