// One-character strings (docs/language.md §6.2): for…of over a string and
// s[i] give ASCII characters as strings from a static table; free() takes
// arrays; the comma operator in a for loop.
function countVowels(s: string): i32 {
  let n = 0;
  for (const c of s) {
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') n++;
  }
  return n;
}
console.log(countVowels('the quick brown fox jumps over the lazy dog'));
//= 11
const word = 'tskc!';
for (const c of word) console.log(c, c.length, c.charCodeAt(0));
//= t 1 116
//= s 1 115
//= k 1 107
//= c 1 99
//= ! 1 33
let reversed = 0;
for (let i = word.length - 1, j = 0; i >= 0; i--, j++) {
  console.log(j, word[i], word[i] === word[j]);
  reversed++;
}
//= 0 ! false
//= 1 c false
//= 2 k true
//= 3 s false
//= 4 t false
console.log(reversed, `${word[0]}-${word[4]}`);
//= 5 t-!
for (const c of '') console.log('never', c);
outer: for (const c of 'ab\tc') {
  if (c === '\t') break outer;
  console.log(`[${c}]`);
}
//= [a]
//= [b]
// Arrays made inside a function go back to the heap.
function churn(): i32 {
  let total = 0;
  for (let k = 0; k < 1000; k++) {
    const a = new Int32Array(64);
    a[63] = k;
    total += a[63] & 1;
    free(a);
    const b: string[] = ['x', 'y'];
    total += b.length;
    free(b);
  }
  return total;
}
console.log(churn());
//= 2500
