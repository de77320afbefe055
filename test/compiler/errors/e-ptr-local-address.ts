// error: TSK1040 @ 4
function f(): void {
  let x: i32 = 1;
  const p = addressof(x);
}
