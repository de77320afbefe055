// New typed arrays start zeroed; element compound assignment wraps.
const a = new Uint8Array(8);
const b = new Int16Array(3);
const c = new Uint32Array(5);
let s: i32 = 0;
for (let i: i32 = 0; i < a.length; i++) s += i32(a[i]);
console.log(s, b[0], b[2], c[4]);
a[0] = 250;
a[0] += 10;
b[1] = 32767;
b[1] += 1;
c[2] = 1;
c[2] -= 2;
console.log(a[0], b[1], c[2]);
a[1] = 7;
a[1] <<= 5;
console.log(a[1]);
//= 0 0 0 0
//= 4 -32768 4294967295
//= 224
