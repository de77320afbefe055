// console.log prints floats exactly as Node does (shortest round trip).
let tenth: number = 0.1;
console.log(tenth + 0.2, 1.0 / 3.0, -2.5, 100.0, 1e21, 1.5e-7, 123456789.125);
console.log(0.0, -0.0, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 5e-324, 1.7976931348623157e308);
let third: f32 = f32(1.0 / 3.0);
console.log(third, f64(f32(0.1)), third > 0.3);
let acc = 0.0;
for (let i: i32 = 1; i <= 5; i++) acc += 1.0 / f64(i);
console.log(`harmonic(5) = ${acc}`, `${-0.0}`);
//= 0.30000000000000004 0.3333333333333333 -2.5 100 1e+21 1.5e-7 123456789.125
//= 0 -0 Infinity -Infinity NaN 5e-324 1.7976931348623157e+308
//= 0.3333333432674408 0.10000000149011612 true
//= harmonic(5) = 2.283333333333333 0
