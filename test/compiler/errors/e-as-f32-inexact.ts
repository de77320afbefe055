// error: TSK1008 @ 3
// 'as' never changes a value: 0.1 is no f32, so it would be rounded.
const a = 0.1 as f32;
console.log(a);
