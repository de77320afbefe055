// error: TSK1007 @ 10
// A generic function is compiled once per type argument list: it is not one value.
function max<T extends number>(a: T, b: T): T {
  return a > b ? a : b;
}
function min<T extends number>(a: T, b: T): T {
  return a < b ? a : b;
}
let k: i32 = 1;
console.log((k > 0 ? max : min)<i32>(1, 2));
