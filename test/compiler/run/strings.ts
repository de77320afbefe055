// String literals: printing, .length, and passing strings around.
function greet(who: string): void {
  console.log('hello,', who);
}
greet('world');
const s = 'tskc';
console.log(s, s.length, ''.length);
console.log('multi', 'part', 'line', 42, true, -7);
//= hello, world
//= tskc 4 0
//= multi part line 42 true -7
