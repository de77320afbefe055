// An i64 hash loop: h = (h * 31 + 7) % 2147483647, 100 million times.
// Every intermediate fits a double exactly, so Node computes the same value.
function hash(n: i32): i64 {
  let h: i64 = 0;
  for (let i: i32 = 0; i < n; i++) h = (h * 31 + 7) % 2147483647;
  return h;
}

console.log(hash(100000000));
