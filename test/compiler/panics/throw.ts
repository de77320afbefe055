// A throw is a panic: output so far is flushed, then the message and location.
function check(n: i32): i32 {
  if (n > 3) throw new Error('too big');
  return n;
}
console.log(check(2));
console.log(check(7));
console.log('not reached');
//= 2
// stderr: panic: too big
// stderr:     at test/compiler/panics/throw.ts:3
