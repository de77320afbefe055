// memory.data blocks with load/store of every width, little-endian.
// node: skip (raw memory has no Node equivalent)
const buf = memory.data(64);
const other = memory.data(16);
store<u64>(buf, 0x0807060504030201);
console.log(load<u8>(buf), load<u8>(buf + 7), load<u16>(buf), load<u32>(buf + 4), load<u64>(buf));
store<i8>(buf + 8, -2);
store<i16>(buf + 10, -300);
store<i32>(buf + 12, -70000);
console.log(load<i8>(buf + 8), load<u8>(buf + 8), load<i16>(buf + 10), load<u16>(buf + 10), load<i32>(buf + 12), load<u32>(buf + 12));
console.log(load<u64>(other), other != buf, other >= buf + 64 || other + 16 <= buf);
function fill(p: usize, n: i32, v: u8): void {
  for (let i: i32 = 0; i < n; i++) store<u8>(p + usize(i), v);
}
fill(buf + 16, 32, 0xab);
console.log(load<u32>(buf + 16), load<u64>(buf + 40), load<u8>(buf + 48));
//= 1 8 513 134678021 578437695752307201
//= -2 254 -300 65236 -70000 4294897296
//= 0 true true
//= 2880154539 12370169555311111083 0
