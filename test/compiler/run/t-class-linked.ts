// Objects referring to objects: a singly linked list ending in a sentinel node.
class Node1 {
  next!: Node1;
  constructor(public value: i32) {}
}
class List {
  end: Node1;
  head: Node1;
  size: i32 = 0;
  constructor(end: Node1) {
    this.end = end;
    this.head = end;
  }
  push(v: i32): void {
    const n = new Node1(v);
    n.next = this.head;
    this.head = n;
    this.size++;
  }
  sum(): i32 {
    let s: i32 = 0;
    let n = this.head;
    while (n !== this.end) {
      s += n.value;
      n = n.next;
    }
    return s;
  }
  reverse(): void {
    let prev = this.end;
    let cur = this.head;
    while (cur !== this.end) {
      const nx = cur.next;
      cur.next = prev;
      prev = cur;
      cur = nx;
    }
    this.head = prev;
  }
  print(): void {
    let n = this.head;
    while (n !== this.end) {
      console.log(n.value);
      n = n.next;
    }
  }
}
const list = new List(new Node1(-1));
for (let i: i32 = 1; i <= 5; i++) list.push(i * i);
console.log(list.size, list.sum());
list.print();
list.reverse();
list.print();
console.log(list.head.value, list.head.next.next.value, list.end.value);
//= 5 55
//= 25
//= 16
//= 9
//= 4
//= 1
//= 1
//= 4
//= 9
//= 16
//= 25
//= 1 9 -1
