// An array in memory: a u64 length, then the elements; changetype gives its address.
// node: skip (raw memory has no Node equivalent)
const a = new Uint16Array(3);
a[0] = 1;
a[1] = 0x1234;
a[2] = 0xffff;
const p = changetype<usize>(a);
console.log(load<u64>(p), load<u16>(p + 8), load<u16>(p + 10), load<u16>(p + 12));
const words: string[] = ['x', 'yz'];
const q = changetype<usize>(words);
console.log(load<u64>(q), load<u64>(load<usize>(q + 16)), load<u8>(load<usize>(q + 8) + 8));
//= 3 1 4660 65535
//= 2 2 120
