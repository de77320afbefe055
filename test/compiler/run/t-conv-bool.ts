// bool converts to 0 or 1 with any integer conversion.
let t: bool = true;
let f: bool = false;
console.log(i32(t), i32(f), u8(t), i64(t), u64(f));
let count: i32 = 0;
for (let i: i32 = 0; i < 10; i++) count += i32(i % 3 == 0);
console.log(count);
const flags: u32 = u32(t) | (u32(f) << 1) | (u32(t) << 2);
console.log(flags);
//= 1 0 1 1 0
//= 4
//= 5
