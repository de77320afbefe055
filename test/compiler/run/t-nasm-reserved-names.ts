// Functions and globals named like NASM macros, directives and registers
// (at, struc, lock, rax…) assemble: every symbol is written with `$`.
function at(x: i32): i32 {
  return x + 1;
}
let lock: i32 = 2;
console.log(at(1), lock);
//= 2 2
