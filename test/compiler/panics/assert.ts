// assert(cond, msg) panics with the message when cond is false.
let total: i32 = 0;
for (let i: i32 = 1; i <= 4; i++) total += i;
assert(total == 10, 'sum is right');
console.log('ok', total);
assert(total > 100);
console.log('not reached');
//= ok 10
// stderr: panic: assertion failed
// stderr:     at test/compiler/panics/assert.ts:6
