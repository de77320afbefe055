// u16: wrapping via u16(x); a checksum that folds into 16 bits.
let a: u16 = 65000;
let b: u16 = 535;
console.log(a + b, u16(a + b + 1), u16(b - a));
function sum16(n: i32): u16 {
  let s: u16 = 0;
  for (let i: i32 = 1; i <= n; i++) s = u16(s + u16(i * 7));
  return s;
}
console.log(sum16(10), sum16(1000), sum16(5000));
//= 65535 0 1071
//= 385 30092 26940
