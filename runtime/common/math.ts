// Integer exponentiation for every target (docs/language.md §3.2): `a ** b`
// on integers is computed by squaring, wrapping modulo 2^64; the compiler
// truncates the result to the operands' type.

/**
 * base ** exp. A negative exponent (expNegative) gives the truncated value
 * of 1 / base ** -exp: 1 for base 1, ±1 for base -1, 0 otherwise, and a
 * division by zero for base 0.
 */
export function ipow(base: u64, exp: u64, expNegative: bool): u64 {
  if (expNegative) {
    if (base == 1) return 1;
    if (base == 0xffffffffffffffff) return (exp & 1) == 1 ? 0xffffffffffffffff : 1; // -e and e have one parity
    if (base == 0) throw new Error('division by zero');
    return 0;
  }
  let result: u64 = 1;
  while (exp != 0) {
    if ((exp & 1) == 1) result = result * base;
    base = base * base;
    exp = exp >> 1;
  }
  return result;
}
