// Strings as return values, parameters, fields, array elements and ?: results.
class Named {
  constructor(public name: string, public id: i32) {}
}
function pick(n: i32): string {
  return n % 2 == 0 ? 'even' : 'odd';
}
function longest(xs: string[]): string {
  let best = '';
  for (const x of xs) if (x.length > best.length) best = x;
  return best;
}
const n = new Named('widget', 3);
console.log(pick(4), pick(7), n.name, n.name.length, longest(['a', 'abcd', 'abc', 'xyzw']));
let s: string = pick(1);
s = n.name;
console.log(s, s === 'widget');
//= even odd widget 6 abcd
//= widget true
