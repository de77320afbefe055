// error: TSK1030 @ 3
// @align needs a power of two.
/** @align 12 */
let x: u32 = 1;
console.log(x);
