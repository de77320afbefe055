// null is a value wherever a reference type is expected (docs/language.md
// §2): initializers, arguments, returns, fields, elements, ?: branches,
// assignments.
class N {
  v: i32;
  next: N | null = null;
  cb: ((x: i32) => i32) | null = null;
  constructor(v: i32, next: N | null = null) {
    this.v = v;
    this.next = next;
  }
  setNext(n: N | null): N | null {
    this.next = n;
    return null;
  }
}
function inc(x: i32): i32 { return x + 1; }
function maybe(k: i32): N | null {
  return k > 0 ? new N(k) : null;
}
function maybe2(k: i32): N | null {
  return k > 0 ? null : new N(k);
}
function fnOrNull(k: i32): ((x: i32) => i32) | null {
  if (k > 0) return inc;
  return null;
}
let k: i32 = 1;
const a = new N(1, null);
console.log(a.next == null, a.setNext(null) === null, maybe(0) === null, maybe2(1) == null);
const arr: (N | null)[] = [null, a, null];
console.log(arr[0] === null, arr[1] !== null, arr.length);
arr[1] = null;
console.log(arr[1] === null);
let s: string | null = k > 5 ? 'x' : null;
console.log(s === null, s ?? 'dflt');
s = null;
const cb = fnOrNull(0);
console.log(cb === null, fnOrNull(1) !== null);
a.cb = null;
a.cb = inc;
console.log(a.cb !== null);
const nn: N | null = k > 0 ? null : a;
console.log((nn ?? a) === a, (nn ?? a).v);
let m: N | null = a;
m = (null);
console.log(m === null);
const ns: string[] | null = null;
console.log(ns === null);
//= true true true true
//= true true 3
//= true
//= true dflt
//= true true
//= true
//= true 1
//= true
//= true
