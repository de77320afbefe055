// String processing with charCodeAt: palindromes, words, parsing integers.
function isPalindrome(s: string): bool {
  let i: i32 = 0;
  let j: i32 = s.length - 1;
  while (i < j) {
    if (s.charCodeAt(i) != s.charCodeAt(j)) return false;
    i++;
    j--;
  }
  return true;
}
function countWords(s: string): i32 {
  let n: i32 = 0;
  let inWord = false;
  for (let i: i32 = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) == 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
function parse(s: string): i32 {
  let neg = false;
  let i: i32 = 0;
  if (s.length > 0 && s.charCodeAt(0) == 45) {
    neg = true;
    i = 1;
  }
  let v: i32 = 0;
  for (; i < s.length; i++) v = v * 10 + (s.charCodeAt(i) - 48);
  return neg ? -v : v;
}
console.log(isPalindrome('racecar'), isPalindrome('abba'), isPalindrome('abca'), isPalindrome(''));
console.log(countWords('  the quick  brown fox '), countWords(''), countWords('one'));
console.log(parse('12345'), parse('-987'), parse('0'), parse('2147483647'));
//= true true false true
//= 4 0 1
//= 12345 -987 0 2147483647
