// Bit operations on u32 with the top bit set; u32(...) keeps Node unsigned too.
let a: u32 = 0xf0f0f0f0;
let b: u32 = 0x0ff00ff0;
console.log(u32(a & b), u32(a | b), u32(a ^ b), u32(~a), u32(~b));
let bits: u32 = 0;
for (let i: u32 = 0; i < 32; i += 3) bits = u32(bits | (u32(1) << i));
console.log(bits, u32(bits & 0x80000000), bits >>> 31);
//= 15728880 4293984240 4278255360 252645135 4027576335
//= 1227133513 0 0
