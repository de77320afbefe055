// Hashing for the library's maps and sets (docs/library.md): integers by a
// multiply-xorshift mix of their 64 bits, strings by their bytes (eight at
// a time), anything else by its address unless the map has a hash function
// of the user's. Results are never 0: a map's slot hash 0 means empty.

const K0: u64 = 0x9e3779b97f4a7c15;
const K1: u64 = 0xbf58476d1ce4e5b9;

/** Mixes 64 bits into 32 well-spread ones (the finaliser of splitmix64). */
export function mix64(x: u64): u32 {
  let h = (x ^ (x >> 30)) * K1;
  h = (h ^ (h >> 27)) * 0x94d049bb133111eb;
  const r = u32(h ^ (h >> 31));
  return r != 0 ? r : 1;
}

/** A hash of the n bytes at p (never 0). */
export function hashBytes(p: usize, n: usize): u32 {
  let h: u64 = K0 ^ u64(n);
  let i: usize = 0;
  for (; i + 8 <= n; i += 8) h = (h ^ load<u64>(p + i)) * K1 + (h >> 29);
  let tail: u64 = 0;
  for (let s: u64 = 0; i < n; i++, s += 8) tail |= u64(load<u8>(p + i)) << s;
  return mix64(h ^ tail);
}

/** The default hash of a key: an integer's value, a string's bytes, another reference's address. */
export function hashOf<K>(key: K): u32 {
  if (isString<K>()) {
    const p = changetype<usize>(key);
    return hashBytes(p + 8, load<usize>(p));
  } else if (isInteger<K>() && sizeof<K>() == 8) {
    return mix64(changetype<u64>(key));
  } else if (isInteger<K>()) {
    return mix64(u64(changetype<u32>(key)));
  } else if (isReference<K>()) {
    return mix64(changetype<u64>(key));
  }
  throw new Error('hash: keys must be integers, strings or references');
}
