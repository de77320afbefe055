// An f32 constant is computed in f64, as JavaScript computes it, and
// rounded to f32 once (Math.fround), not after each operation.
// node: skip (Node has no f32: it keeps the f64 value)
const w: f32 = 16777217 + 0.5; // 16777217.5 rounds to 16777218 (per operation: 16777216)
const r: f32 = 1.1 + 2.2;
console.log(f64(w), reinterpret<u32>(r), reinterpret<u32>(f32(1.1 + 2.2)));
// At run time each f32 operation rounds (docs/language.md §3.2).
let big: f32 = 16777217;
big += 0.5;
let y: f32 = 1.1;
y += 2.2;
console.log(f64(big), reinterpret<u32>(y));
//= 16777218 1079194419 1079194419
//= 16777216 1079194420
