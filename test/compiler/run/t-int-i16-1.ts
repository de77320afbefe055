// i16: wrapping and sign extension through i16(x).
let a: i16 = 30000;
let b: i16 = 2767;
console.log(a + b, i16(a + b + 1), i16(a * 2), i16(-a - b - 2));
let x: i32 = 0x12345;
console.log(i16(x), i16(0xffff), i16(0x8000), i16(-32769));
//= 32767 -32768 -5536 32767
//= 9029 -1 -32768 32767
