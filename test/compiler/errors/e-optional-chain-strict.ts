// error: TSK1013 @ 7
// `=== null` tells undefined from null, which tskc cannot.
class Node {
  next: Node | null = null;
}
function isLast(n: Node | null): bool {
  return n?.next === null;
}
console.log(isLast(new Node()));
