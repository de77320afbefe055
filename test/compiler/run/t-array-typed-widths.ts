// Each typed array wraps stored values to its element width, as in JavaScript.
const i8a = new Int8Array(4);
const u8a = new Uint8Array(4);
const i16a = new Int16Array(4);
const u16a = new Uint16Array(4);
const i32a = new Int32Array(4);
const u32a = new Uint32Array(4);
for (let i: i32 = 0; i < 4; i++) {
  i8a[i] = i8(i * 100 - 150);
  u8a[i] = u8(i * 100);
  i16a[i] = i16(i * 20000 - 30000);
  u16a[i] = u16(i * 30000);
  i32a[i] = i32(i * 1000000000 - 1500000000);
  u32a[i] = u32(i * 1500000000);
}
for (let i: i32 = 0; i < 4; i++) console.log(i8a[i], u8a[i], i16a[i], u16a[i], i32a[i], u32a[i]);
console.log(i8a.length, u8a.length, i16a.length, u16a.length, i32a.length, u32a.length);
//= 106 0 -30000 0 -1500000000 0
//= -50 100 -10000 30000 -500000000 1500000000
//= 50 200 10000 60000 500000000 3000000000
//= -106 44 30000 24464 1500000000 205032704
//= 4 4 4 4 4 4
