// A strided loop whose bound passes the end of the array: the test before
// the loop (compiler/passes/bcever.ts) fails, the checked loop runs, and the
// panic comes at the first index out of bounds, after the output before it.
const flags = new Uint8Array(10);

function strike(i: i32, n: i32): i32 {
  let count: i32 = 0;
  for (let k: i32 = i + i; k <= n; k += i) {
    console.log('strike', k);
    flags[k - 1] = 1;
    count++;
  }
  return count;
}

console.log(strike(5, 10), flags[9]);
console.log(strike(3, 12));
//= strike 10
//= 1 1
//= strike 6
//= strike 9
//= strike 12
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/p-oob-versioned.ts:10
