// `$?` in a command line: the status of the last command run, as sh has it
// (the exit code, or 128 + the signal that ended it). The line is copied
// with each `$?` replaced by the number; nothing else is expanded.

import { lastStatus } from './run';

const OUT_CAPACITY: usize = 512;
const out: usize = memory.data(512);
let outLen: usize = 0;

/** The line of `len` bytes at `p` with every `$?` expanded: the address of the result (`p` itself when there is none). */
export function expandStatus(p: usize, len: usize): usize {
  outLen = len;
  let found = false;
  for (let i: usize = 0; i + 1 < len; i++) if (load<u8>(p + i) == 36 && load<u8>(p + i + 1) == 63) found = true; // "$?"
  if (!found) return p;
  outLen = 0;
  let i: usize = 0;
  while (i < len && outLen + 4 < OUT_CAPACITY) {
    if (i + 1 < len && load<u8>(p + i) == 36 && load<u8>(p + i + 1) == 63) {
      const v = lastStatus(); // 0 … 255
      if (v >= 100) put(u8(48 + v / 100));
      if (v >= 10) put(u8(48 + (v / 10) % 10));
      put(u8(48 + v % 10));
      i += 2;
    } else {
      put(load<u8>(p + i));
      i++;
    }
  }
  return out;
}

function put(b: u8): void {
  store<u8>(out + outLen, b);
  outLen++;
}

/** The length of the line expandStatus returned last. */
export function expandedLength(): usize {
  return outLen;
}
