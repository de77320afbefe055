// Nullable references: a linked list with `Node | null` links, null tests,
// narrowing, `!`, `??`, `??=` and optional chains.
class Node {
  next: Node | null = null;
  constructor(public value: i32) {}
}
class List {
  head: Node | null = null;
  tail: Node | null = null;
  count: i32 = 0;
  push(v: i32): void {
    const n = new Node(v);
    if (this.tail === null) this.head = n;
    else this.tail.next = n;
    this.tail = n;
    this.count++;
  }
  sum(): i32 {
    let s = 0;
    let n = this.head;
    while (n) {
      s += n.value;
      n = n.next;
    }
    return s;
  }
  find(v: i32): Node | null {
    for (let n = this.head; n !== null; n = n.next) if (n.value == v) return n;
    return null;
  }
}
const l = new List();
for (let i = 1; i <= 5; i++) l.push(i * 10);
console.log(l.count, l.sum());
const f = l.find(30);
console.log(f !== null, f?.value ?? -1, l.find(99)?.value ?? -1);
console.log(f!.next!.value);
let name: string | null = null;
console.log(name === null, name ?? 'anon');
name ??= 'bob';
name ??= 'carl';
console.log(name, name === 'bob');
const e = l.find(7);
if (e?.next) console.log('no');
if (!e) console.log('e is null');
console.log(e?.next == null, f?.next != null);
l.find(50)?.next;
function maybe(b: bool): i32[] | null {
  return b ? [1, 2, 3] : null;
}
console.log(maybe(false)?.length ?? 0, maybe(true)?.length ?? 0);
//= 5 150
//= true 30 -1
//= 40
//= true anon
//= bob true
//= e is null
//= true true
//= 0 3
