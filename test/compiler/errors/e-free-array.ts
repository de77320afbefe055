// error: TSK1008 @ 4
function f(): void {
  const xs = new Int32Array(4);
  free(xs);
}
