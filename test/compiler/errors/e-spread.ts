// error: TSK1001 @ 6
function add(a: i32, b: i32): i32 {
  return a + b;
}
const args: i32[] = [1, 2];
console.log(add(...(args as [i32, i32])));
