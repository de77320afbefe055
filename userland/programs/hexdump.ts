// hexdump [-C] [FILE…]: the canonical hex+ASCII dump of the files (one
// stream, as hexdump reads them) or of standard input, as `hexdump -C`
// prints it: an 8-digit hex offset, 16 bytes in two groups of 8, the
// printable ones between bars (others as `.`), a run of lines equal to
// the one before as one `*`, and the total length last. `hexdump: x: No
// such file or directory` on standard error, exit 1. Built for tskc and Linux.
import { argAddr, argCount, argIs } from '../lib/args';
import { complainBare } from '../lib/fsutil';
import { close, exit, isError, read, writeAll } from '../lib/sys';
import { O_RDONLY, SYS_OPEN } from '../../kernel/syscall/numbers';

const inBuf: usize = memory.data(4096);
const line: usize = memory.data(16);
const prev: usize = memory.data(16);
const out: usize = memory.data(8192);
let outLen: usize = 0;
let filled: usize = 0;
let offset: u64 = 0;
let havePrev = false;
let starred = false;
const digits = changetype<usize>('0123456789abcdef') + 8;

function put(c: u8): void {
  if (outLen == 8192) flush();
  store<u8>(out + outLen, c);
  outLen++;
}

function flush(): void {
  writeAll(1, out, outLen);
  outLen = 0;
}

function hex(v: u64, width: i32): void {
  for (let s = width - 1; s >= 0; s--) put(load<u8>(digits + usize((v >> u64(s * 4)) & 15)));
}

/** Prints the `filled` bytes of `line` at `offset` (a full line equal to the one before as one `*`). */
function emit(): void {
  if (filled == 16 && havePrev && memcmp(line, prev, 16) == 0) {
    if (!starred) {
      put(42);
      put(10);
    }
    starred = true;
  } else {
    starred = false;
    hex(offset, 8);
    put(32);
    for (let j: usize = 0; j < 16; j++) {
      if (j == 8) put(32);
      put(32);
      if (j < filled) hex(u64(load<u8>(line + j)), 2);
      else {
        put(32);
        put(32);
      }
    }
    put(32);
    put(32);
    put(124);
    for (let j: usize = 0; j < filled; j++) {
      const c = load<u8>(line + j);
      put(c >= 32 && c < 127 ? c : 46);
    }
    put(124);
    put(10);
  }
  memcpy(prev, line, 16);
  havePrev = true;
  offset += u64(filled);
  filled = 0;
}

/** Dumps what `fd` holds, continuing the stream. */
function dump(fd: i64): bool {
  while (true) {
    const n = read(fd, inBuf, 4096);
    if (n == 0) return true;
    if (isError(n)) return false;
    for (let i: usize = 0; i < usize(n); i++) {
      store<u8>(line + filled, load<u8>(inBuf + i));
      filled++;
      if (filled == 16) emit();
    }
  }
}

const first: i32 = argIs(1, '-C') ? 2 : 1;
let status: i32 = 0;
if (argCount() <= first) {
  if (!dump(0)) status = 1;
}
for (let i = first; i < argCount(); i++) {
  const fd = syscall(SYS_OPEN, argAddr(i), O_RDONLY, 0);
  if (isError(fd)) {
    flush();
    complainBare('hexdump', argAddr(i), fd);
    status = 1;
    continue;
  }
  if (!dump(fd)) status = 1;
  close(fd);
}
if (filled > 0) emit();
if (offset > 0) {
  hex(offset, 8);
  put(10);
}
flush();
exit(status);
