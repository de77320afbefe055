// Where an optional chain may stand (docs/language.md §2): conditions of if,
// while, for, do, ?:, under ! && ||, an expression statement, the left of ??,
// == null.
class L {
  n: i32;
  ok: bool = true;
  next: L | null = null;
  constructor(n: i32) { this.n = n; }
  bump(): i32 { return ++this.n; }
}
function mk(k: i32): L | null { return k > 0 ? new L(k) : null; }
const a = new L(1);
a.next = new L(2);
a.next.next = new L(0);
let cur: L | null = a;
let steps: i32 = 0;
while (cur?.n) { steps++; cur = cur.next; }
console.log(steps);
for (cur = a; cur?.next; cur = cur.next) steps++;
console.log(steps);
let i: i32 = 0;
do { i++; } while (mk(i - 3)?.ok);
console.log(i);
console.log(mk(1)?.ok ? 'y' : 'n', mk(0)?.ok ? 'y' : 'n', !mk(0)?.ok, !mk(2)?.n);
if (mk(1)?.ok && mk(0)?.ok) console.log('and'); else console.log('not and');
if (mk(0)?.ok || mk(3)?.n) console.log('or');
console.log(mk(0)?.n ?? -1, mk(4)?.n ?? -1);
mk(5)?.bump();
mk(0)?.bump();
const b: bool = !mk(0)?.next;
console.log(b, a.next?.next?.n == null, a.next?.next?.next == null);
if (mk(0)?.next?.ok) console.log('no'); else console.log('else');
const r = (mk(1)?.n ?? 0) + (mk(0)?.n ?? 10);
console.log(r, (mk(2)?.n) ?? 7);
//= 2
//= 4
//= 1
//= y n true false
//= not and
//= or
//= -1 4
//= true false true
//= else
//= 11 2
