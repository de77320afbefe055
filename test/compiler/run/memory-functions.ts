// memcpy, memset and memcmp (docs/language.md §7.1) at their edges: zero
// and odd lengths, unaligned addresses, lengths around the 8-byte words
// memcmp compares, a difference in the first, last, low and high byte of a
// word, and neighbours that must stay untouched.
// node: skip (Node has no memcpy; the expected output is written below)

const buf = new Uint8Array(64);
const base = changetype<usize>(buf) + 8;
function fill(): void {
  for (let i: i32 = 0; i < 64; i++) buf[i] = u8(i + 1);
}

// memcpy: zero bytes change nothing; odd lengths and unaligned ends.
fill();
memcpy(base + 40, base, 0);
console.log(buf[39], buf[40], buf[41]);
//= 40 41 42
memcpy(base + 33, base + 1, 13);
console.log(buf[32], buf[33], buf[45], buf[46]);
//= 33 2 14 47
fill();
memcpy(base + 17, base + 3, 1);
console.log(buf[16], buf[17], buf[18]);
//= 17 4 19

// memset: a value, zero length, the byte 255, neighbours kept.
fill();
memset(base + 5, 0xab, 9);
console.log(buf[4], buf[5], buf[13], buf[14]);
//= 5 171 171 15
memset(base + 20, 0, 0);
console.log(buf[20]);
//= 21
memset(base, 255, 64);
let all = true;
for (const b of buf) if (b != 255) all = false;
console.log(all);
//= true

// memcmp: equal, empty, and the first difference decides, in memory order.
const a = new Uint8Array(40);
const b = new Uint8Array(40);
const pa = changetype<usize>(a) + 8;
const pb = changetype<usize>(b) + 8;
for (let i: i32 = 0; i < 40; i++) {
  a[i] = u8(i * 7);
  b[i] = u8(i * 7);
}
console.log(memcmp(pa, pb, 40), memcmp(pa, pb, 0), memcmp(pa + 3, pb + 3, 29));
//= 0 0 0
function differ(at: i32, av: u8, bv: u8, n: usize): i32 {
  const sa = a[at];
  const sb = b[at];
  a[at] = av;
  b[at] = bv;
  const r = memcmp(pa, pb, n);
  a[at] = sa;
  b[at] = sb;
  return r;
}
// Byte 0 (the low byte of the first word) and byte 7 (its high byte).
console.log(differ(0, 1, 2, 40), differ(0, 200, 100, 40), differ(7, 1, 2, 40), differ(7, 2, 1, 40));
//= -1 1 -1 1
// A low difference wins over a higher one in the other direction.
a[1] = 9;
b[1] = 10;
console.log(differ(6, 200, 1, 40));
//= -1
a[1] = 7;
b[1] = 7;
// In the byte tail after the words, at the last byte, and past n.
console.log(differ(33, 5, 4, 40), differ(39, 0, 1, 40), differ(39, 0, 1, 39), differ(8, 3, 3, 40));
//= 1 -1 0 0
// Unaligned starts and lengths below one word.
console.log(memcmp(pa + 1, pb + 1, 7), differ(5, 1, 0, 6), differ(5, 1, 0, 5));
//= 0 1 0
