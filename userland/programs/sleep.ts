// sleep SECONDS: sleeps that long (nanosleep), then exits 0. SECONDS is a
// whole number with an optional fraction (`sleep 0.25`); anything else is a
// usage error (status 1).

import { argAddr, argLength } from '../lib/args';
import { println } from '../lib/print';
import { exit, isError, nanosleep, Timespec } from '../lib/sys';

/** The seconds the `len` bytes at `p` spell, as nanoseconds in `t`; false when they are not a number. */
function parseSeconds(p: usize, len: usize, t: Timespec): bool {
  let i: usize = 0;
  let sec: i64 = 0;
  let digits: i32 = 0;
  while (i < len && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) {
    if (digits == 12) return false; // more than 30,000 years
    sec = sec * 10 + i64(load<u8>(p + i) - 48);
    digits++;
    i++;
  }
  let ns: i64 = 0;
  let scale: i64 = 100_000_000;
  if (i < len && load<u8>(p + i) == 46) { // '.'
    i++;
    while (i < len && load<u8>(p + i) >= 48 && load<u8>(p + i) <= 57) {
      ns += i64(load<u8>(p + i) - 48) * scale;
      scale /= 10;
      digits++;
      i++;
    }
  }
  t.sec = sec;
  t.nsec = ns;
  return digits > 0 && i == len;
}

const t = new Timespec();
if (!parseSeconds(argAddr(1), argLength(1), t)) {
  println('usage: sleep SECONDS (for example 2 or 0.5)');
  exit(1);
}
if (isError(nanosleep(t))) {
  println('sleep: nanosleep failed');
  exit(1);
}
exit(0);
