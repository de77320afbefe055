// String support shared by every target: `a === b` on strings compares
// their bytes (strings are a u64 length followed by UTF-8 bytes).

export function strEq(a: string, b: string): bool {
  // Either may be null (address 0) when its type is string | null.
  const ra = changetype<usize>(a);
  const rb = changetype<usize>(b);
  if (ra == rb) return true;
  if (ra == 0 || rb == 0) return false;
  const n = a.length;
  if (n != b.length) return false;
  const pa = ra + 8;
  const pb = rb + 8;
  for (let i: usize = 0; i < usize(n); i++) {
    if (load<u8>(pa + i) != load<u8>(pb + i)) return false;
  }
  return true;
}
