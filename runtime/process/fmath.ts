// Float operations for the process targets (docs/language.md §3.2.1), in
// tskc: `%` (fmod), `**` and the Math functions that are not one
// instruction. Each gives exactly what JavaScript gives: fmod, trunc,
// floor, ceil, round, sign, min and max are exact by construction; pow is
// exact when the result is, and correctly rounded for integer exponents
// in practice (double-double arithmetic).

const SIGN: u64 = 0x8000000000000000;
const EXP_MASK: u64 = 0x7ff0000000000000;
const FRAC: u64 = 0x000fffffffffffff;
const IMPLICIT: u64 = 0x0010000000000000;

function isNaN(x: f64): bool {
  return x != x;
}

/** x % y as JavaScript computes it: the exact remainder with x's sign. */
export function fmod(x: f64, y: f64): f64 {
  const bx = reinterpret<u64>(x);
  const by = reinterpret<u64>(y);
  const sx = bx & SIGN;
  const ax = bx & ~SIGN;
  const ay = by & ~SIGN;
  if (ay == 0 || ax >= EXP_MASK || ay > EXP_MASK) return (x * y) / (x * y); // NaN
  if (ax < ay) return x; // |x| < |y|, y infinite included
  if (ax == ay) return reinterpret<f64>(sx);
  let ex = i32(ax >> 52);
  let ey = i32(ay >> 52);
  let mx = ax & FRAC;
  let my = ay & FRAC;
  // Significands with their implicit bit; subnormals normalised.
  if (ex == 0) {
    ex = 1;
    while (mx < IMPLICIT) { mx = mx << 1; ex--; }
  } else mx = mx | IMPLICIT;
  if (ey == 0) {
    ey = 1;
    while (my < IMPLICIT) { my = my << 1; ey--; }
  } else my = my | IMPLICIT;
  // Long division by shifting: mx stays below 2·my.
  while (ex > ey) {
    if (mx >= my) mx = mx - my;
    mx = mx << 1;
    ex--;
  }
  if (mx >= my) mx = mx - my;
  if (mx == 0) return reinterpret<f64>(sx);
  while (mx < IMPLICIT) { mx = mx << 1; ex--; }
  if (ex > 0) return reinterpret<f64>(sx | (u64(ex) << 52) | (mx & FRAC));
  return reinterpret<f64>(sx | (mx >> u64(1 - ex))); // subnormal: the shifted-out bits are zero
}

/** Math.trunc: clears the fraction bits. */
export function truncF64(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  const e = i32((bits >> 52) & 0x7ff) - 1023;
  if (e >= 52) return x; // integral, infinite or NaN
  if (e < 0) return reinterpret<f64>(bits & SIGN); // |x| < 1: ±0
  return reinterpret<f64>(bits & ~(FRAC >> u64(e)));
}

export function floorF64(x: f64): f64 {
  const t = truncF64(x);
  return x < t ? t - 1 : t;
}

export function ceilF64(x: f64): f64 {
  const t = truncF64(x);
  return x > t ? t + 1 : t;
}

/** Math.round: the nearest integer, halves toward +∞; -0.5 ≤ x < 0 gives -0. */
export function roundF64(x: f64): f64 {
  const f = floorF64(x);
  const r = x - f >= 0.5 ? f + 1 : f; // x - f is exact
  return r == 0 && (reinterpret<u64>(x) & SIGN) != 0 ? -0.0 : r;
}

export function signF64(x: f64): f64 {
  if (x > 0) return 1;
  if (x < 0) return -1;
  return x; // ±0 and NaN
}

/** Math.min of two: NaN if either is NaN, and -0 below +0. */
export function minF64(a: f64, b: f64): f64 {
  if (isNaN(a) || isNaN(b)) return a + b;
  if (a == b) return reinterpret<f64>(reinterpret<u64>(a) | reinterpret<u64>(b));
  return a < b ? a : b;
}

export function maxF64(a: f64, b: f64): f64 {
  if (isNaN(a) || isNaN(b)) return a + b;
  if (a == b) return reinterpret<f64>(reinterpret<u64>(a) & reinterpret<u64>(b));
  return a > b ? a : b;
}

// ---- pow ---------------------------------------------------------------
// Double-double values (hi + lo, |lo| ≤ ulp(hi)/2) keep about 106 bits, so
// powers by squaring round once, at the end.
const SPLIT: f64 = 134217729.0; // 2^27 + 1 (Dekker's splitting constant)
let ddHi: f64 = 0;
let ddLo: f64 = 0;

/** ddHi + ddLo = (ah + al) × (bh + bl), to about 106 bits. */
function ddMul(ah: f64, al: f64, bh: f64, bl: f64): void {
  const p = ah * bh;
  const ca = SPLIT * ah;
  const a1 = ca - (ca - ah);
  const a2 = ah - a1;
  const cb = SPLIT * bh;
  const b1 = cb - (cb - bh);
  const b2 = bh - b1;
  const err = ((a1 * b1 - p) + a1 * b2 + a2 * b1) + a2 * b2; // exact: ah·bh = p + err
  const lo = err + (ah * bl + al * bh);
  ddHi = p + lo;
  ddLo = lo - (ddHi - p);
}

/** |x| ** n for an integer n ≥ 1, as a double-double in ddHi/ddLo. */
function ddPow(bh: f64, bl: f64, n: u64): void {
  let rh: f64 = 1;
  let rl: f64 = 0;
  while (true) {
    if ((n & 1) == 1) {
      ddMul(rh, rl, bh, bl);
      rh = ddHi;
      rl = ddLo;
    }
    n = n >> 1;
    if (n == 0) break;
    ddMul(bh, bl, bh, bl);
    bh = ddHi;
    bl = ddLo;
  }
  ddHi = rh;
  ddLo = rl;
}

function isOddInteger(y: f64): bool {
  const a = y < 0 ? -y : y;
  return a < 9007199254740992.0 && truncF64(y) == y && (i64(a) & 1) == 1;
}

/** x ** y as JavaScript (Math.pow) computes it, for integer y and y = ±0.5. */
export function powF64(x: f64, y: f64): f64 {
  if (isNaN(y)) return y;
  if (y == 0) return 1;
  if (isNaN(x)) return x;
  const ax = x < 0 ? -x : x;
  const ay = y < 0 ? -y : y;
  if (ay == 1.0 / 0.0) {
    if (ax == 1) return (x - x) / (x - x); // NaN, unlike C's pow
    return (ax > 1) == (y > 0) ? ay : 0.0;
  }
  const odd = isOddInteger(y);
  const negative = (reinterpret<u64>(x) & SIGN) != 0;
  if (x == 0 || ax == 1.0 / 0.0) {
    // (x is ±0 or ±∞) The magnitude is 0 or ∞; an odd exponent keeps x's sign.
    const big = (x == 0) == (y < 0);
    const m = big ? 1.0 / 0.0 : 0.0;
    return odd && negative ? -m : m;
  }
  if (truncF64(y) != y) {
    if (x < 0) return (x - x) / (x - x); // NaN
    if (ay == 0.5) return y > 0 ? Math.sqrt(x) : 1 / Math.sqrt(x);
    throw new Error('x ** y with a fractional y other than ±0.5 is not supported yet (docs/language.md §3.2.1)');
  }
  let r: f64;
  if (ay >= 9223372036854775808.0) {
    r = (ax > 1) == (y > 0) ? 1.0 / 0.0 : ax == 1 ? 1 : 0.0; // huge exponents are even
  } else {
    // 1/|x| as a double-double: q plus the rounding error of 1/|x|.
    let bh = ax;
    let bl: f64 = 0;
    if (y < 0) {
      bh = 1 / ax;
      ddMul(bh, 0, ax, 0);
      bl = ((1 - ddHi) - ddLo) / ax;
    }
    ddPow(bh, bl, u64(ay));
    r = ddHi + ddLo;
    // Near overflow or underflow the splitting itself overflows or loses bits.
    if (isNaN(r) || r > 1e300 || r < 1e-290) r = plainPow(bh, u64(ay));
  }
  return odd && negative ? -r : r;
}

/** |x| ** n by squaring in plain doubles: for results near the ends of the range. */
function plainPow(b: f64, n: u64): f64 {
  let r: f64 = 1;
  while (n != 0) {
    if ((n & 1) == 1) r = r * b;
    b = b * b;
    n = n >> 1;
  }
  return r;
}
