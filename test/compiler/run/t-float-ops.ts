// Float % (exact, as fmod), ** and the Math functions, compared with Node
// bit for bit (docs/language.md §3.2.1).
const xs: f64[] = [7.5, -7.5, 1e300, 5e-324, 0.1, -0.0, 1.0 / 0, 0.0 / 0];
for (const x of xs) {
  for (const y of xs) {
    console.log(x % y, Math.floor(x / y), Math.round(x * y), Math.min(x, y), Math.max(x, -y));
  }
  console.log(Math.ceil(x), Math.trunc(-x), Math.sign(x), Math.abs(-x), Math.sqrt(x), Math.floor(x), Math.round(x));
}
//= 0 1 56 7.5 7.5
//= 0 -1 -56 -7.5 7.5
//= 7.5 0 7.5e+300 7.5 7.5
//= 0 Infinity 0 5e-324 7.5
//= 0.09999999999999959 75 1 0.1 7.5
//= NaN -Infinity -0 -0 7.5
//= 7.5 0 Infinity 7.5 7.5
//= NaN NaN NaN NaN NaN
//= 8 -7 1 7.5 2.7386127875258306 7 8
//= -0 -1 -56 -7.5 -7.5
//= -0 1 56 -7.5 7.5
//= -7.5 -1 -7.5e+300 -7.5 -7.5
//= -0 -Infinity -0 -7.5 -5e-324
//= -0.09999999999999959 -75 -1 -7.5 -0.1
//= NaN Infinity 0 -7.5 0
//= -7.5 -0 -Infinity -7.5 -7.5
//= NaN NaN NaN NaN NaN
//= -7 7 -1 7.5 NaN -8 -7
//= 0 1.3333333333333334e+299 7.5e+300 7.5 1e+300
//= 0 -1.3333333333333334e+299 -7.5e+300 -7.5 1e+300
//= 0 1 Infinity 1e+300 1e+300
//= 0 Infinity 0 5e-324 1e+300
//= 0.00011215964963492975 1e+301 1e+299 0.1 1e+300
//= NaN -Infinity -0 -0 1e+300
//= 1e+300 0 Infinity 1e+300 1e+300
//= NaN NaN NaN NaN NaN
//= 1e+300 -1e+300 1 1e+300 1e+150 1e+300 1e+300
//= 5e-324 0 0 5e-324 5e-324
//= 5e-324 -0 -0 -7.5 7.5
//= 5e-324 0 0 5e-324 5e-324
//= 0 1 0 5e-324 5e-324
//= 5e-324 0 0 5e-324 5e-324
//= NaN -Infinity -0 -0 5e-324
//= 5e-324 0 Infinity 5e-324 5e-324
//= NaN NaN NaN NaN NaN
//= 1 -0 1 5e-324 2.2227587494850775e-162 0 0
//= 0.1 0 1 0.1 0.1
//= 0.1 -1 -1 -7.5 7.5
//= 0.1 0 1e+299 0.1 0.1
//= 0 Infinity 0 5e-324 0.1
//= 0 1 0 0.1 0.1
//= NaN -Infinity -0 -0 0.1
//= 0.1 0 Infinity 0.1 0.1
//= NaN NaN NaN NaN NaN
//= 1 -0 1 0.1 0.31622776601683794 0 0
//= -0 -0 -0 -0 -0
//= -0 0 0 -7.5 7.5
//= -0 -0 -0 -0 -0
//= -0 -0 -0 -0 -0
//= -0 -0 -0 -0 -0
//= NaN NaN 0 -0 0
//= -0 -0 NaN -0 -0
//= NaN NaN NaN NaN NaN
//= -0 0 -0 0 -0 -0 -0
//= NaN Infinity Infinity 7.5 Infinity
//= NaN -Infinity -Infinity -7.5 Infinity
//= NaN Infinity Infinity 1e+300 Infinity
//= NaN Infinity Infinity 5e-324 Infinity
//= NaN Infinity Infinity 0.1 Infinity
//= NaN -Infinity NaN -0 Infinity
//= NaN NaN Infinity Infinity Infinity
//= NaN NaN NaN NaN NaN
//= Infinity -Infinity 1 Infinity Infinity Infinity Infinity
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN
//= NaN NaN NaN NaN NaN NaN NaN
console.log(Math.round(0.49999999999999994), Math.round(-0.5), Math.round(2.5), Math.round(-2.5), Math.round(-0.4));
//= 0 -0 3 -2 -0
console.log(Math.PI, Math.E, Math.sqrt(2), Math.abs(-0.0), Math.min(0, -0.0), Math.max(-0.0, 0));
//= 3.141592653589793 2.718281828459045 1.4142135623730951 0 -0 0
// ** with exactly representable results, special values and ±0.5.
const b: f64 = 1.5;
console.log(b ** 2, 2 ** 10.0, 2 ** -3.0, (-2.5) ** 3, 10.0 ** 22, 0.5 ** 1074, 2.0 ** 1023, 9 ** 0.5, 16 ** -0.5);
//= 2.25 1024 0.125 -15.625 1e+22 5e-324 8.98846567431158e+307 3 0.25
const inf: f64 = 1 / 0;
const nan: f64 = 0 / 0;
console.log(b ** nan, nan ** 0.0, 1.0 ** inf, (-0.0) ** -3, (-0.0) ** 3, (-inf) ** 3, (-inf) ** -2, 0.5 ** -inf, (-8.0) ** 0.5);
//= NaN 1 NaN -Infinity -0 -Infinity 0 Infinity NaN
let acc: f64 = 1;
acc **= 3;
acc %= 0.75;
console.log(acc, 1.1 ** 10);
//= 0.25 2.5937424601000023
// f32 operands are computed in f64 and rounded to f32.
const h: f32 = 5.5;
console.log(h % f32(2), Math.abs(f32(-1.25)), Math.min(h, f32(2.25)));
//= 1.5 1.25 2.25
