// Arrays are passed by reference: callee writes are visible to the caller.
function fill(a: Uint16Array, v: u16): void {
  for (let i: i32 = 0; i < a.length; i++) a[i] = v;
}
function reversed(a: i32[]): i32[] {
  const r = new Array<i32>(a.length);
  for (let i: i32 = 0; i < a.length; i++) r[a.length - 1 - i] = a[i];
  return r;
}
function swapEnds(a: string[]): void {
  const t = a[0];
  a[0] = a[a.length - 1];
  a[a.length - 1] = t;
}
const buf = new Uint16Array(5);
fill(buf, 777);
console.log(buf[0], buf[4]);
const r = reversed([1, 2, 3, 4]);
console.log(r[0], r[1], r[2], r[3], r.length);
const names: string[] = ['first', 'middle', 'last'];
swapEnds(names);
console.log(names[0], names[1], names[2]);
const alias = names;
alias[1] = 'changed';
console.log(names[1]);
//= 777 777
//= 4 3 2 1 4
//= last middle first
//= changed
