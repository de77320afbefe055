// Module-level constants and variables, initialised in order.
const LIMIT: i32 = 10;
const SQUARE: i32 = LIMIT * LIMIT;
let counter: i32 = 0;
let total: i64 = 0;

function bump(by: i32): void {
  counter += by;
  total = total + i64(by);
}

for (let i: i32 = 1; i <= LIMIT; i++) bump(i);
console.log(LIMIT, SQUARE, counter, total);
const GREETING = 'hi';
console.log(GREETING, GREETING.length);
//= 10 100 55 55
//= hi 2
