// String length, charCodeAt and equality of different lengths.
const words: string[] = ['', 'a', 'ab', 'abc', 'abd', 'ABC'];
for (const w of words) console.log(w.length, w === 'abc', w !== '');
const s = 'Hello, World!';
console.log(s.length, s.charCodeAt(0), s.charCodeAt(7), s.charCodeAt(s.length - 1));
let t: string = 'abc';
console.log(t === 'ab', t === 'abcd', t === words[3], '' === words[0]);
//= 0 false false
//= 1 false true
//= 2 false true
//= 3 true true
//= 3 false true
//= 3 false true
//= 13 72 87 33
//= false false true true
