// The sieve of Eratosthenes on static memory (load/store), like a C array.
// node: skip (raw memory has no Node equivalent)
const N: i32 = 10000;
const flags: usize = memory.data(10001);
let count: i32 = 0;
for (let i: i32 = 2; i <= N; i++) {
  if (load<u8>(flags + usize(i)) == 0) {
    count++;
    for (let j: i32 = i + i; j <= N; j += i) store<u8>(flags + usize(j), 1);
  }
}
console.log(count);
//= 1229
