// error: TSK1013 @ 7
// The value of an optional chain is undefined when it stops at null.
class Node {
  value: i32 = 1;
}
function get(n: Node | null): i32 {
  const v = n?.value;
  return v ?? 0;
}
console.log(get(null));
