// charCodeAt and === on strings.
function countVowels(s: string): i32 {
  let n: i32 = 0;
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 97 || c == 101 || c == 105 || c == 111 || c == 117) n++;
  }
  return n;
}
let a: string = 'hello';
let b: string = 'hel';
let c: string = 'xy';
console.log(countVowels('typescript compiler'), a === 'hello', a !== 'help', b === 'hel', c === 'x');
//= 5 true true true false
