// Optional chains through elements, a?.items[i].n (docs/language.md §2): the
// index is a link like a field; the chain stops at the first ?. that finds null.
class A {
  arr: i32[] = [5, 6];
  get g(): i32 { return 42; }
}
function m(k: i32): A | null { return k > 0 ? new A() : null; }
console.log(m(1)?.g == null, m(0)?.g == null, m(1)?.g ?? -1);
console.log(m(1)?.arr[1] ?? -1, m(0)?.arr[1] ?? -1);
console.log(m(1)?.arr[0] == null, m(0)?.arr[0] == null);
class B {
  name: string = 'hey';
  ops: ((n: i32) => i32)[] = [neg];
  items: A[] = [new A()];
}
function neg(n: i32): i32 { return -n; }
function mb(k: i32): B | null { return k > 0 ? new B() : null; }
console.log(mb(1)?.name[1] ?? '-', mb(0)?.name[1] ?? '-', mb(1)?.ops[0](3) ?? 0, mb(0)?.ops[0](3) ?? 0);
console.log(mb(1)?.items[0].arr[1] ?? -1, mb(0)?.items[0].g ?? -1, mb(1)?.items[0]?.g ?? -1);
if (mb(1)?.items[0].arr[0]) console.log('cond');
//= false true 42
//= 6 -1
//= false true
//= e - -3 0
//= 6 -1 42
//= cond
