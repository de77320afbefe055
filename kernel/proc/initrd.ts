// The initrd: a cpio archive in the "newc" format (the image builder makes
// it, compiler/image/userland.ts) that the kernel image carries, holding
// the shell and the few programs the kernel needs with no disk at all.
// `initrdLoad` enters each regular file under bin/ in the program table
// (programs.ts) as a permanent program named after it. The archive is read
// as untrusted bytes: every header's magic and hex digits are checked, and
// every name and file must lie inside the archive, or parsing stops there
// with a message. docs/processes.md, "Programs".
import { consoleWrite, consoleWriteUint } from '../console/console';
import { programAdd } from './programs';

/** @extern __initrd_start */
declare function initrdStartSymbol(): void;
/** @extern __initrd_end */
declare function initrdEndSymbol(): void;

const HEADER: u64 = 110;
const MAGIC = '070701';
const TRAILER = 'TRAILER!!!';
const BIN = 'bin/';
const S_IFMT: u64 = 0xf000;
const S_IFREG: u64 = 0x8000;

/** Field `k` (0: ino … 11: namesize, 12: check) of the header at `h`: 8 hex digits; -1 if one is not a hex digit. */
function field(h: usize, k: usize): i64 {
  let v: i64 = 0;
  for (let i: usize = 0; i < 8; i++) {
    const c = i64(load<u8>(h + 6 + k * 8 + i));
    let d: i64 = -1;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** Whether the last parse stopped at a damaged entry. */
let damaged = false;

function bad(why: string, at: u64): u32 {
  damaged = true;
  consoleWrite('initrd: ');
  consoleWrite(why);
  consoleWrite(' at byte ');
  consoleWriteUint(at);
  consoleWrite('; the entries after it are ignored\n');
  return 0;
}

/** Whether the `len` bytes at `p` are the string `s`. */
function equals(p: usize, len: u64, s: string): bool {
  return len == u64(s.length) && memcmp(p, changetype<usize>(s) + 8, usize(len)) == 0;
}

/** Enters the programs of the archive at `base` (`size` bytes); how many. */
export function initrdParse(base: usize, size: u64): u32 {
  damaged = false;
  let off: u64 = 0;
  let count: u32 = 0;
  while (true) {
    if (off > size || size - off < HEADER) return count + bad('a header runs past the end', off);
    const h = base + usize(off);
    if (memcmp(h, changetype<usize>(MAGIC) + 8, 6) != 0) return count + bad('no newc magic (070701)', off);
    const mode = field(h, 1);
    const fileSize = field(h, 6);
    const nameSize = field(h, 11);
    if (mode < 0 || fileSize < 0 || nameSize < 0) return count + bad('a header field is not hexadecimal', off);
    if (nameSize < 1 || u64(nameSize) > size - off - HEADER) return count + bad('a name runs past the end', off);
    const name = h + usize(HEADER);
    if (load<u8>(name + usize(nameSize) - 1) != 0) return count + bad('a name is not NUL-terminated', off);
    const nameLen = u64(nameSize) - 1;
    if (equals(name, nameLen, TRAILER)) return count;
    const data = (off + HEADER + u64(nameSize) + 3) & ~u64(3);
    if (data > size || u64(fileSize) > size - data) return count + bad('a file runs past the end', off);
    const prefix = u64(BIN.length);
    if ((u64(mode) & S_IFMT) == S_IFREG && nameLen > prefix && memcmp(name, changetype<usize>(BIN) + 8, usize(prefix)) == 0) {
      if (programAdd(name + usize(prefix), usize(nameLen - prefix), base + usize(data), usize(fileSize), true, 0, 0) < 0) {
        return count + bad('the program table is full', off);
      }
      count++;
    }
    off = (data + u64(fileSize) + 3) & ~u64(3);
  }
}

/** Enters the initrd's programs in the program table (at boot); says how many only if the archive was damaged. */
export function initrdLoad(): void {
  const start = changetype<usize>(initrdStartSymbol);
  const end = changetype<usize>(initrdEndSymbol);
  const n = initrdParse(start, u64(end - start));
  if (!damaged) return;
  consoleWrite('initrd: ');
  consoleWriteUint(u64(n));
  consoleWrite(' programs kept\n');
}
