// `x!` on a null reference panics with the location of the assertion.
class Node {
  next: Node | null = null;
  constructor(public value: i32) {}
}
const a = new Node(1);
a.next = new Node(2);
console.log(a.next!.value);
console.log(a.next.next!.value);
console.log('not reached');
//= 2
// stderr: panic: non-null assertion failed: the value is null
// stderr:     at test/compiler/panics/p-non-null.ts:9
