// ip: the network interface as the kernel reports it in /dev/netstat: the
// address with its prefix length, the gateway, then every counter that is
// not zero ("  name value"). Where there is no /dev/netstat (Linux), says
// so and exits 1.

import { readNetstat } from '../lib/net';
import { printBytes, printf } from '../lib/print';
import { exit, isError } from '../lib/sys';

const text: usize = memory.data(8192);

/** The value after `name ` on its line of the listing, as its bytes' start and end; -1 when absent. */
function valueOf(len: usize, name: string): i64 {
  const n = usize(name.length);
  for (let at: usize = 0; at + n < len; ) {
    if (memcmp(text + at, changetype<usize>(name) + 8, n) == 0 && load<u8>(text + at + n) == 32) return i64(at + n + 1);
    while (at < len && load<u8>(text + at) != 10) at++;
    at++;
  }
  return -1;
}

function lineEnd(len: usize, from: usize): usize {
  let e = from;
  while (e < len && load<u8>(text + e) != 10) e++;
  return e;
}

/** The prefix length of the dotted netmask at `from`. */
function prefix(len: usize, from: usize): i32 {
  let bits: i32 = 0;
  for (let i = from; i < lineEnd(len, from); i++) {
    const c = load<u8>(text + i);
    if (c == 46) continue;
    let v: u32 = 0;
    let j = i;
    while (j < len && load<u8>(text + j) >= 48 && load<u8>(text + j) <= 57) v = v * 10 + u32(load<u8>(text + j++) - 48);
    for (let b: u32 = 0; b < 8; b++) if ((v >> (7 - b)) & 1) bits++;
    i = j - 1;
  }
  return bits;
}

const got = readNetstat(text, 8192);
if (isError(got)) {
  printf(`ip: no /dev/netstat here (errno ${-got})\n`);
  exit(1);
}
const len = usize(got);
const a = valueOf(len, 'address');
const m = valueOf(len, 'netmask');
const g = valueOf(len, 'gateway');
if (a >= 0 && m >= 0 && g >= 0) {
  printf('eth0 ');
  printBytes(text + usize(a), lineEnd(len, usize(a)) - usize(a));
  printf(`/${prefix(len, usize(m))} gateway `);
  printBytes(text + usize(g), lineEnd(len, usize(g)) - usize(g));
  printf('\nlo 127.0.0.1/8\ncounters:\n');
}
// Every "name value" line whose value is not 0, but the addresses.
for (let at: usize = 0; at < len; ) {
  const e = lineEnd(len, at);
  const zero = e >= 2 && load<u8>(text + e - 1) == 48 && load<u8>(text + e - 2) == 32;
  const isAddr = memcmp(text + at, changetype<usize>('address') + 8, 7) == 0 || memcmp(text + at, changetype<usize>('netmask') + 8, 7) == 0 ||
    memcmp(text + at, changetype<usize>('gateway') + 8, 7) == 0;
  if (!zero && !isAddr && e > at) {
    printf('  ');
    printBytes(text + at, e - at + 1);
  }
  at = e + 1;
}
exit(0);
