// error: TSK1011 @ 5
// target: kernel
// A float constant with no declared type is an f64, which the kernel has none of.
export function f(): void {
  let x = 1.5 - 3.0;
  x = x;
}
