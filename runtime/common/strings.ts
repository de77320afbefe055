// String support shared by every target: `a === b` on strings compares
// their bytes (strings are a u64 length followed by UTF-8 bytes).

export function strEq(a: string, b: string): bool {
  const n = a.length;
  if (n != b.length) return false;
  const pa = changetype<usize>(a) + 8;
  const pb = changetype<usize>(b) + 8;
  for (let i: usize = 0; i < usize(n); i++) {
    if (load<u8>(pa + i) != load<u8>(pb + i)) return false;
  }
  return true;
}
