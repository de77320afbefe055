// error: TSK1001 @ 3
function f(): void {
  try {
    console.log('x');
  } catch (e) {
    console.log('y');
  }
}
