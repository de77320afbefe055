// An optional chain compared with `== null` / `!= null` (docs/language.md §2):
// for a chain ending in a number, bool or void, it is null exactly when the
// chain stops; for one ending in a reference, also when that reference is null.
class T {
  n: i32 = 0;
  x: f64 = 1.5;
  ok: bool = false;
  next: T | null = null;
  name: string | null = null;
  count(): i32 {
    return this.n + 1;
  }
  touch(): void {
    this.n++;
  }
}
function m(t: T | null): T | null {
  return t;
}
function twice(n: i32): i32 {
  return 2 * n;
}

const t = new T();
if (m(null)?.n == null) console.log('stopped');
if (m(t)?.n == null) console.log('wrong');
else console.log('n is', t.n);
console.log(m(null)?.n == null, m(t)?.n == null, m(null)?.n != null, m(t)?.n != null);
console.log(null == m(null)?.x, null != m(t)?.x, (m(t)?.ok) == null, m(t)?.ok != (null));
console.log(m(null)?.count() == null, m(t)?.count() != null, m(t)?.next?.n == null);
t.next = new T();
t.next.n = 7;
console.log(m(t)?.next?.n == null, m(t)?.next?.n ?? -1, m(t)?.next?.count() != null);
// A void method's result is undefined, which is == null too.
console.log(m(t)?.touch() == null, m(null)?.touch() != null, t.n);
// Ending in a reference: null when the chain stops or the reference is null.
console.log(m(t)?.name == null, m(null)?.name == null, m(t)?.next?.next == null);
t.name = 'tee';
console.log(m(t)?.name != null, m(t)?.next != null);
function fn(k: i32): ((n: i32) => i32) | null {
  return k > 0 ? twice : null;
}
console.log(fn(0)?.(3) == null);
console.log(fn(1)?.(3) == null, fn(1)?.(3) != null, fn(1)?.(3) ?? 0);
const hits: bool = m(t)?.n != null && m(null)?.n == null;
console.log(hits);
//= stopped
//= n is 0
//= true false false true
//= true true false true
//= true true true
//= false 7 true
//= true false 1
//= true true true
//= true true
//= true
//= false true 6
//= true
