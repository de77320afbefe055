// assert with a message panics with that message after flushing earlier output.
function withdraw(balance: i64, amount: i64): i64 {
  assert(amount <= balance, 'insufficient funds');
  return balance - amount;
}
let b: i64 = 100;
b = withdraw(b, 30);
console.log('left', b);
b = withdraw(b, 80);
console.log('not reached', b);
//= left 70
// stderr: panic: insufficient funds
// stderr:     at test/compiler/panics/p-assert-message.ts:3
