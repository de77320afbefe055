// error: TSK1005 @ 6
// Nothing tells TypeScript the element type, so it infers `unknown`.
class Stack<T> {
  items: T[] = [];
}
const s = new Stack();
console.log(s.items.length);
