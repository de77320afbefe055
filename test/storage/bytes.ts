// Byte helpers shared by the storage tests: the hash the kernel's test
// commands print, seeded noise for images, and the pattern `blk write` and
// `cache write` store.

/** 32-bit FNV-1a, as the kernel's storage commands print it. */
export function fnv(bytes: Buffer): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/** `bytes` deterministic pseudo-random bytes (xorshift32 from `seed`). */
export function noise(bytes: number, seed: number): Buffer {
  const b = Buffer.alloc(bytes);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < bytes; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    b[i] = x & 0xff;
  }
  return b;
}

/** The bytes `blk write … SEED` and `cache write … SEED` store: byte i is (SEED + 7 i) & 0xff. */
export function pattern(bytes: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length: bytes }, (_, i) => (seed + 7 * i) & 0xff));
}
