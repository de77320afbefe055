// `x as T` on a constant that fits T (docs/language.md §3.3): the value is
// unchanged, so it means what TypeScript means. A float constant fits an
// f32 when it is exactly one.
const a = 1.5 as f32;
const b = -1.5 as f32;
const c = 2 as f32;
const d = (1.5 - 3.0) as f32;
const e = 16777216 as f32;
const f = 5000000000 as number;
const g = -(0.25) as f32;
console.log(a, b, c, d, e, f, g, 200 as u8, -128 as i8);
//= 1.5 -1.5 2 -1.5 16777216 5000000000 -0.25 200 -128
