// Number formatting for the process targets: formatF64(x, out) writes what
// Node's String(x) / console.log(x) prints for a double, in tskc itself.
//
// The algorithm is the exact "free-format" shortest-digits method of Steele &
// White / Dragon4 in the formulation of Burger & Dybvig, step for step the one
// V8 falls back to (bignum-dtoa) and whose results its fast path (Grisu3) only
// ever confirms: with v = r/s and the rounding interval (v - m-/s, v + m+/s),
// digits are produced while the remainder can still leave the interval, and
// the last one is rounded to the closer end (a tie goes to the even digit).
// The boundaries are included when the significand is even, as IEEE
// round-half-even reading does.
//
// Everything is integer arithmetic on the bits. The bignums have 32-bit limbs;
// a limb product with carries needs 64 bits, and every u64 expression is
// written with explicit u64(...) operands, so that Node, where the tests
// model u64 as BigInt, computes exactly what the machine does
// (test/runtime/numfmt.test.ts). Integers below 2^53, the most common case,
// take a short path that prints the integer directly.

// A bignum at address a is a u32 limb count n at a, then n 32-bit limbs,
// least significant first (limb i at a + 4 + 4i), without leading zero
// limbs. Room for 40 limbs: the largest value ever held has 26 (the tests
// check this over every binary exponent).
const R: usize = memory.data(164); // the remainder r
const S: usize = memory.data(164); // the scale s: v = r / s
const MP: usize = memory.data(164); // m+: the distance to the upper boundary
const MM: usize = memory.data(164); // m-: the distance to the lower boundary
const T: usize = memory.data(164); // scratch
const U: usize = memory.data(164); // scratch for products
const DIGITS: usize = memory.data(32); // the decimal digits, as values 0..9

/** Sets the limb count to n less any leading zero limbs. */
function trim(a: usize, n: i32): void {
  while (n > 0 && load<u32>(a + 4 + usize(n - 1) * 4) == 0) n--;
  store<u32>(a, u32(n));
}

/** a = v. */
function setSmall(a: usize, v: u32): void {
  store<u32>(a + 4, v);
  trim(a, 1);
}

/** a = hi * 2^32 + lo. */
function setU64(a: usize, hi: u32, lo: u32): void {
  store<u32>(a + 4, lo);
  store<u32>(a + 8, hi);
  trim(a, 2);
}

function copy(dst: usize, src: usize): void {
  const n = i32(load<u32>(src));
  for (let i: i32 = 0; i < n; i++) store<u32>(dst + 4 + usize(i) * 4, load<u32>(src + 4 + usize(i) * 4));
  store<u32>(dst, u32(n));
}

/** a = a * m. */
function mulSmall(a: usize, m: u32): void {
  const n = i32(load<u32>(a));
  let carry: u64 = u64(0);
  let p: usize = a + 4;
  const end: usize = a + 4 + usize(n) * 4;
  const mm: u64 = u64(m);
  while (p < end) {
    const t: u64 = u64(load<u32>(p)) * mm + carry; // < 2^64
    store<u32>(p, u32(t));
    carry = t >> u64(32);
    p += 4;
  }
  if (carry != u64(0)) {
    store<u32>(end, u32(carry));
    store<u32>(a, u32(n + 1));
  }
}

/** a = a * 2^bits. */
function shiftLeft(a: usize, bits: i32): void {
  const n = i32(load<u32>(a));
  if (n == 0 || bits == 0) return;
  const words = bits >> 5;
  const b = u32(bits & 31);
  let src: usize = a + 4 + usize(n - 1) * 4;
  let dst: usize = a + 4 + usize(n - 1 + words) * 4;
  if (b == 0) {
    while (src >= a + 4) {
      store<u32>(dst, load<u32>(src));
      src -= 4;
      dst -= 4;
    }
  } else {
    const back = 32 - b;
    store<u32>(dst + 4, load<u32>(src) >>> back);
    while (src > a + 4) {
      store<u32>(dst, u32((load<u32>(src) << b) | (load<u32>(src - 4) >>> back)));
      src -= 4;
      dst -= 4;
    }
    store<u32>(dst, u32(load<u32>(src) << b));
  }
  for (let i: i32 = 0; i < words; i++) store<u32>(a + 4 + usize(i) * 4, 0);
  trim(a, b == 0 ? n + words : n + words + 1);
}

/** dst = a * b; dst is neither a nor b. */
function mul(dst: usize, a: usize, b: usize): void {
  const la = i32(load<u32>(a));
  const lb = i32(load<u32>(b));
  for (let i: i32 = 0; i < la + lb; i++) store<u32>(dst + 4 + usize(i) * 4, 0);
  for (let j: i32 = 0; j < lb; j++) {
    const m: u64 = u64(load<u32>(b + 4 + usize(j) * 4));
    let carry: u64 = u64(0);
    let pa: usize = a + 4;
    let pd: usize = dst + 4 + usize(j) * 4;
    const end: usize = a + 4 + usize(la) * 4;
    while (pa < end) {
      // At most (2^32-1) + (2^32-1)^2 + (2^32-1) = 2^64 - 1.
      const t: u64 = u64(load<u32>(pd)) + u64(load<u32>(pa)) * m + carry;
      store<u32>(pd, u32(t));
      carry = t >> u64(32);
      pa += 4;
      pd += 4;
    }
    store<u32>(pd, u32(carry));
  }
  trim(dst, la + lb);
}

/** a = a * p (p may not be U). */
function mulBy(a: usize, p: usize): void {
  mul(U, a, p);
  copy(a, U);
}

/** a = 5^k. */
function setPow5(a: usize, k: i32): void {
  setSmall(a, 1);
  while (k >= 13) {
    mulSmall(a, 1220703125); // 5^13
    k -= 13;
  }
  let m: u32 = 1;
  while (k > 0) {
    m *= 5;
    k--;
  }
  if (m != 1) mulSmall(a, m);
}

/** The sign of a - b: -1, 0 or 1. */
function compare(a: usize, b: usize): i32 {
  const la = i32(load<u32>(a));
  const lb = i32(load<u32>(b));
  if (la != lb) return la < lb ? -1 : 1;
  if (la == 0) return 0;
  let pa: usize = a + 4 + usize(la - 1) * 4;
  let pb: usize = b + 4 + usize(la - 1) * 4;
  while (pa > a) {
    const x = load<u32>(pa);
    const y = load<u32>(pb);
    if (x != y) return x < y ? -1 : 1;
    pa -= 4;
    pb -= 4;
  }
  return 0;
}

/** dst = a + b (dst may be a or b). */
function add(dst: usize, a: usize, b: usize): void {
  const la = i32(load<u32>(a));
  const lb = i32(load<u32>(b));
  const n = la > lb ? la : lb;
  let carry: u64 = u64(0);
  for (let i: i32 = 0; i < n; i++) {
    const off = usize(i) * 4 + 4;
    let t: u64 = carry;
    if (i < la) t += u64(load<u32>(a + off));
    if (i < lb) t += u64(load<u32>(b + off));
    store<u32>(dst + off, u32(t));
    carry = t >> u64(32);
  }
  if (carry != u64(0)) {
    store<u32>(dst + 4 + usize(n) * 4, u32(carry));
    store<u32>(dst, u32(n + 1));
  } else {
    store<u32>(dst, u32(n));
  }
}

/**
 * The sign of (a + b) - c, from the top limb down: usually the first limb
 * decides. `need` is what the limbs so far lack to reach c, in units of the
 * current limb; lower limbs add less than 2 units, so 2 or more means less.
 */
function plusCompare(a: usize, b: usize, c: usize): i32 {
  const la = i32(load<u32>(a));
  const lb = i32(load<u32>(b));
  const lc = i32(load<u32>(c));
  const lab = la > lb ? la : lb;
  if (lab > lc + 1) return 1;
  if (lab + 1 < lc) return -1;
  let need: u64 = u64(0);
  let i = (lab > lc ? lab : lc) - 1;
  while (i >= 0) {
    const off = usize(i) * 4 + 4;
    let sum: u64 = u64(0);
    if (i < la) sum += u64(load<u32>(a + off));
    if (i < lb) sum += u64(load<u32>(b + off));
    const x: u64 = i < lc ? u64(load<u32>(c + off)) + need : need;
    if (sum > x) return 1;
    need = x - sum;
    if (need > u64(1)) return -1;
    need = need << u64(32);
    i--;
  }
  return need == u64(0) ? 0 : -1;
}

/** a = a - b, for a >= b. */
function subtract(a: usize, b: usize): void {
  const la = i32(load<u32>(a));
  const lb = i32(load<u32>(b));
  let borrow: u32 = 0;
  for (let i: i32 = 0; i < la; i++) {
    if (i >= lb && borrow == 0) break;
    const pa = a + usize(i) * 4 + 4;
    const x = load<u32>(pa);
    const y: u32 = i < lb ? load<u32>(b + usize(i) * 4 + 4) : 0;
    store<u32>(pa, u32(x - y - borrow));
    borrow = x < y || (x == y && borrow != 0) ? 1 : 0;
  }
  trim(a, la);
}

/**
 * Divides r by s, for r < 10 s: returns the quotient digit and leaves the
 * remainder in r. s's top limb must have its high bit set (see formatF64),
 * so that the estimate from the top limbs is at most 2 short.
 */
function divideDigit(r: usize, s: usize): u32 {
  const ls = i32(load<u32>(s));
  const lr = i32(load<u32>(r));
  if (lr < ls) return 0;
  let top: u64 = u64(load<u32>(r + 4 + usize(ls - 1) * 4));
  if (lr > ls) top += u64(load<u32>(r + 4 + usize(ls) * 4)) << u64(32); // r < 10 s: that limb is below 10
  let q: u32 = u32(top / (u64(load<u32>(s + 4 + usize(ls - 1) * 4)) + u64(1))); // never more than r / s
  if (q != 0) {
    // r -= q * s
    const qq: u64 = u64(q);
    let carry: u64 = u64(0);
    let borrow: u32 = 0;
    for (let i: i32 = 0; i < lr; i++) {
      const off = usize(i) * 4 + 4;
      let sub: u64 = carry;
      if (i < ls) sub += qq * u64(load<u32>(s + off));
      carry = sub >> u64(32);
      const x = load<u32>(r + off);
      const y = u32(sub);
      store<u32>(r + off, u32(x - y - borrow));
      borrow = x < y || (x == y && borrow != 0) ? 1 : 0;
    }
    trim(r, lr);
  }
  while (compare(r, s) >= 0) {
    subtract(r, s);
    q++;
  }
  return q;
}

function put(out: usize, pos: i32, c: i32): i32 {
  store<u8>(out + usize(pos), u8(c));
  return pos + 1;
}

function putText(out: usize, pos: i32, text: string): i32 {
  for (let i: i32 = 0; i < text.length; i++) pos = put(out, pos, text.charCodeAt(i));
  return pos;
}

/** The number of significant bits of v (0 for 0). */
function bitLength(v: u32): i32 {
  let n: i32 = 0;
  while (v != 0) {
    v = v >>> 1;
    n++;
  }
  return n;
}

/** Writes the decimal digits of the integer hi * 2^32 + lo (< 2^53). */
function putInteger(out: usize, pos: i32, hi: u32, lo: u32): i32 {
  // Four 16-bit limbs, divided by 10 from the top for each digit.
  let a3: u32 = hi >>> 16;
  let a2: u32 = hi & 0xffff;
  let a1: u32 = lo >>> 16;
  let a0: u32 = lo & 0xffff;
  let k: i32 = 0;
  do {
    let t: u32 = a3;
    a3 = u32(t / 10);
    t = ((t - a3 * 10) << 16) | a2;
    a2 = u32(t / 10);
    t = ((t - a2 * 10) << 16) | a1;
    a1 = u32(t / 10);
    t = ((t - a1 * 10) << 16) | a0;
    a0 = u32(t / 10);
    store<u8>(DIGITS + usize(k), u8(t - a0 * 10));
    k++;
  } while ((a3 | a2 | a1 | a0) != 0);
  while (k > 0) {
    k--;
    pos = put(out, pos, i32(load<u8>(DIGITS + usize(k))) + 48);
  }
  return pos;
}

/**
 * Writes the shortest decimal that reads back as x, formatted as ECMAScript
 * Number::toString(10) does (what Node's String(x) and console.log(x) print),
 * to `out` (at least 32 bytes; at most 25 are written); returns the byte count.
 */
export function formatF64(x: f64, out: usize): i32 {
  const bits = reinterpret<u64>(x);
  const hi: u32 = u32(bits >> u64(32));
  const lo: u32 = u32(bits);
  const biased: i32 = i32((hi >>> 20) & 0x7ff);
  const mhi: u32 = hi & 0xfffff;
  let pos: i32 = 0;
  if (biased == 0x7ff) {
    if (mhi != 0 || lo != 0) return putText(out, 0, 'NaN');
    if (hi >>> 31 != 0) pos = put(out, pos, 45);
    return putText(out, pos, 'Infinity');
  }
  if (biased == 0 && mhi == 0 && lo == 0) return put(out, 0, 48); // 0 and -0
  if (hi >>> 31 != 0) pos = put(out, pos, 45); // '-'

  // v = f * 2^e with f an integer.
  let fhi: u32 = mhi;
  let e: i32 = -1074;
  let fbits: i32 = 53;
  if (biased != 0) {
    fhi = mhi | 0x100000;
    e = biased - 1075;
  } else {
    fbits = mhi != 0 ? 32 + bitLength(mhi) : bitLength(lo);
  }

  // Integers below 2^53 print as themselves: their rounding interval holds
  // no other integer, so no shorter digit string (one ending in zeros) fits.
  if (e <= 0 && e >= -52) {
    const sh = u32(-e);
    let exact = false;
    let ihi: u32 = 0;
    let ilo: u32 = 0;
    if (sh == 0) {
      exact = true;
      ihi = fhi;
      ilo = lo;
    } else if (sh < 32) {
      exact = (lo & ((u32(1) << sh) - 1)) == 0;
      ihi = fhi >>> sh;
      ilo = u32((lo >>> sh) | (fhi << (32 - sh)));
    } else {
      exact = lo == 0 && (fhi & ((u32(1) << (sh - 32)) - 1)) == 0;
      ilo = fhi >>> (sh - 32);
    }
    if (exact) return putInteger(out, pos, ihi, ilo);
  }

  const even = (lo & 1) == 0;
  // The gap to the next double below is half the one above for a power of
  // two, except the smallest normal one (below it lie the subnormals).
  const unequal = mhi == 0 && lo == 0 && biased > 1;
  const same = !unequal; // m+ == m-: MP serves as both

  // Scaled by 2 (or 4), so that the boundaries are integers times powers of 2:
  // r = 2f * 2^e, s = 2, m+ = m- = 2^e, or r = 4f * 2^e, s = 4, m+ = 2^(e+1), m- = 2^e.
  let re: i32 = e + 1;
  let se: i32 = 1;
  let pe: i32 = e;
  const me: i32 = e;
  if (unequal) {
    re = e + 2;
    se = 2;
    pe = e + 1;
  }
  setU64(R, fhi, lo);
  setSmall(S, 1);
  setSmall(MP, 1);
  setSmall(MM, 1);

  // n estimates the decimal exponent: v = 0.d1d2... * 10^n, i.e.
  // 10^(n-1) <= v < 10^n. (e2 * 78913) >> 18 is floor(e2 * log10(2)) or one
  // more (for negative e2), and floor(log10(v)) is that of 2^e2 or one more;
  // the loops below correct the estimate.
  const e2 = e + fbits - 1;
  let n: i32 = ((e2 * 78913) >> 18) + 1;

  // Scale by 10^n = 5^n * 2^n: s for n >= 0, the numerator terms otherwise.
  let re2 = re;
  let se2 = se;
  let pe2 = pe;
  let me2 = me;
  if (n >= 0) {
    setPow5(S, n);
    se2 += n;
  } else {
    setPow5(T, -n);
    mulBy(R, T);
    copy(MP, T);
    if (!same) copy(MM, T);
    re2 -= n;
    pe2 -= n;
    me2 -= n;
  }
  // Cancel the common power of two, then apply the rest as shifts.
  let low = re2 < se2 ? re2 : se2;
  if (pe2 < low) low = pe2;
  if (me2 < low) low = me2;
  shiftLeft(R, re2 - low);
  shiftLeft(S, se2 - low);
  shiftLeft(MP, pe2 - low);
  if (!same) shiftLeft(MM, me2 - low);
  const mm = same ? MP : MM;

  // Fix n so that 10^(n-1) <= high < 10^n, high = (r + m+) / s being the
  // upper boundary (reached only when the significand is even).
  for (;;) {
    const c = plusCompare(R, MP, S);
    if (even ? c < 0 : c <= 0) break;
    mulSmall(S, 10);
    n++;
  }
  for (;;) {
    add(T, R, MP);
    mulSmall(T, 10);
    const c = compare(T, S);
    if (even ? c >= 0 : c > 0) break;
    mulSmall(R, 10);
    mulSmall(MP, 10);
    if (!same) mulSmall(MM, 10);
    n--;
  }

  // Shift everything so that s's top limb has its high bit set, for the
  // quotient estimate in divideDigit.
  const sTop = load<u32>(S + usize(load<u32>(S)) * 4); // limb count - 1, plus the header
  const norm = (32 - bitLength(sTop)) & 31;
  shiftLeft(R, norm);
  shiftLeft(S, norm);
  shiftLeft(MP, norm);
  if (!same) shiftLeft(MM, norm);

  // Digit generation.
  let k: i32 = 0;
  for (;;) {
    mulSmall(R, 10);
    mulSmall(MP, 10);
    if (!same) mulSmall(MM, 10);
    let d = divideDigit(R, S);
    const cl = compare(R, mm);
    const lowOk = even ? cl <= 0 : cl < 0; // can stop rounding down
    const ch = plusCompare(R, MP, S);
    const highOk = even ? ch >= 0 : ch > 0; // can stop rounding up
    if (!lowOk && !highOk) {
      store<u8>(DIGITS + usize(k), u8(d));
      k++;
      continue;
    }
    if (lowOk && highOk) {
      // Both ends fit: take the closer; a tie goes to the even digit.
      const c2 = plusCompare(R, R, S);
      if (c2 > 0 || (c2 == 0 && (d & 1) != 0)) d++;
    } else if (highOk) {
      d++;
    }
    store<u8>(DIGITS + usize(k), u8(d));
    k++;
    break;
  }
  return putDecimal(out, pos, k, n);
}

/** Lays out DIGITS[0..k) with decimal exponent n (value 0.d1..dk * 10^n) as Number::toString does. */
function putDecimal(out: usize, pos: i32, k: i32, n: i32): i32 {
  if (k <= n && n <= 21) {
    for (let i: i32 = 0; i < k; i++) pos = put(out, pos, digitAt(i));
    for (let i = k; i < n; i++) pos = put(out, pos, 48);
  } else if (0 < n && n <= 21) {
    for (let i: i32 = 0; i < n; i++) pos = put(out, pos, digitAt(i));
    pos = put(out, pos, 46);
    for (let i = n; i < k; i++) pos = put(out, pos, digitAt(i));
  } else if (-6 < n && n <= 0) {
    pos = put(out, pos, 48);
    pos = put(out, pos, 46);
    for (let i = n; i < 0; i++) pos = put(out, pos, 48);
    for (let i: i32 = 0; i < k; i++) pos = put(out, pos, digitAt(i));
  } else {
    pos = put(out, pos, digitAt(0));
    if (k > 1) {
      pos = put(out, pos, 46);
      for (let i: i32 = 1; i < k; i++) pos = put(out, pos, digitAt(i));
    }
    pos = put(out, pos, 101); // 'e'
    let x = n - 1;
    if (x < 0) {
      pos = put(out, pos, 45);
      x = -x;
    } else {
      pos = put(out, pos, 43);
    }
    if (x >= 100) pos = put(out, pos, 48 + i32(x / 100));
    if (x >= 10) pos = put(out, pos, 48 + i32(x / 10) % 10);
    pos = put(out, pos, 48 + x % 10);
  }
  return pos;
}

function digitAt(i: i32): i32 {
  return i32(load<u8>(DIGITS + usize(i))) + 48;
}
