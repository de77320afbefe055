// A string value is the address of its u64 length, then the bytes and a NUL.
// node: skip (changetype and load are tskc's)
const s = 'hey!';
const p = changetype<usize>(s);
console.log(load<u64>(p), load<u8>(p + 8), load<u8>(p + 11), load<u8>(p + 12));
function sumBytes(t: string): u32 {
  const base = changetype<usize>(t) + 8;
  let sum: u32 = 0;
  for (let i: i32 = 0; i < t.length; i++) sum += u32(load<u8>(base + usize(i)));
  return sum;
}
console.log(sumBytes('abc'), sumBytes(''), sumBytes(s));
const same = 'hey!';
console.log(changetype<usize>(same) == p);
//= 4 104 33 0
//= 294 0 359
//= true
