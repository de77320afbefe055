// error: TSK1029 @ 4
/** @naked */
function entry(): void {
  let x: u64 = 1;
  asm('ret');
}
