// A function returning never ends the code path; the exit status is kept.
// exit: 42
function die(code: i32): never {
  console.log('dying with', code);
  process.exit(code);
}
function check(x: i32): i32 {
  if (x > 10) die(x * 2 - 2 * x + 42);
  return x;
}
console.log(check(3));
console.log(check(11));
console.log('unreachable');
//= 3
//= dying with 42
