// error: TSK1002 @ 5
// `undefined` has no representation; use `| null`.
class Node {
}
function f(n: Node | undefined): bool {
  return n !== undefined;
}
console.log(f(new Node()));
