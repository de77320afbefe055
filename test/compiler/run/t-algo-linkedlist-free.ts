// A queue of heap nodes that are freed as they are dequeued.
class QNode {
  next!: QNode;
  constructor(public v: i32) {}
}
class LQueue {
  head!: QNode;
  tail!: QNode;
  n: i32 = 0;
  enqueue(v: i32): void {
    const node = new QNode(v);
    if (this.n == 0) this.head = node;
    else this.tail.next = node;
    this.tail = node;
    this.n++;
  }
  dequeue(): i32 {
    const node = this.head;
    const v = node.v;
    this.n--;
    if (this.n > 0) this.head = node.next;
    free(node);
    return v;
  }
}
const q = new LQueue();
let total: i64 = 0;
for (let round: i32 = 0; round < 1000; round++) {
  for (let i: i32 = 0; i < 10; i++) q.enqueue(round * 10 + i);
  for (let i: i32 = 0; i < 9; i++) total += i64(q.dequeue());
}
console.log(q.n, total);
while (q.n > 0) total += i64(q.dequeue());
console.log(q.n, total);
//= 1000 40495500
//= 0 49995000
