// Calls of call results and other function-valued expressions with f32
// constants as arguments: the callee's parameter types give them their type.
type F = (x: f32) => f32;
function neg(x: f32): f32 { return -x; }
function half(x: f32): f32 { return x * 0.5; }
function pickF(k: i32): F { return k > 0 ? neg : half; }
function first(a: i32): (b: i32) => i32 { return a > 0 ? dbl : inc; }
function inc(b: i32): i32 { return b + 1; }
function dbl(b: i32): i32 { return b * 2; }
function outer(): (a: i32) => (b: i32) => i32 { return first; }
function maybeFn(k: i32): F | null { return k > 0 ? neg : null; }
console.log(pickF(1)(-0.5), pickF(0)(-3.0), (pickF(1))(1.5 - 3.0), outer()(1)(2), outer()(0)(2));
console.log(maybeFn(1)!(0.25), maybeFn(1)?.(-(0.75)) ?? 9.0, maybeFn(0)?.(1.0) ?? -9.0);
const fs: F[] = [neg, half];
let total: f32 = 0.0;
for (const f of fs) total += f(-2.0);
console.log(total, fs[1](-8.0), (fs.length > 1 ? fs[0] : half)(-0.5));
//= 0.5 -1.5 1.5 4 3
//= -0.25 0.75 -9
//= 1 -4 0.5
