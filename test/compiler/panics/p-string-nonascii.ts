// A non-ASCII byte has no one-character string in tskc: s[i] panics.
const s = 'né';
console.log(s[0]);
console.log(s[1]);
//= n
// stderr: panic: non-ASCII character in a one-character string (use charCodeAt)
// stderr:     at test/compiler/panics/p-string-nonascii.ts:4
