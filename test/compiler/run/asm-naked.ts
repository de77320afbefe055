// @naked functions (docs/language.md §11.5): no prologue or epilogue; the
// body is asm that finds the parameters in their SysV registers and
// returns by itself. Called directly and through a function value.
// node: skip (Node cannot run x86 assembly)

/** @naked */
function addNaked(a: u64, b: u64): u64 {
  asm('lea rax, [rdi + rsi]', 'ret', asm.options('noreturn'));
}

/** Several asm statements; the last one returns. @naked */
function sum3(a: i64, b: i64, c: i64): i64 {
  asm('mov rax, rdi');
  asm('add rax, rsi');
  asm('add rax, rdx\nret', asm.options('noreturn'));
}

/** A stack switch, as a context switch does: run `fn` on another stack. @naked */
function onStack(stackTop: usize, fn: (x: i64) => i64, x: i64): i64 {
  asm(`push rbp
mov rbp, rsp
mov rsp, rdi
mov rdi, rdx
call rsi
mov rsp, rbp
pop rbp
ret`, asm.options('noreturn'));
}

function square(x: i64): i64 {
  return x * x;
}

console.log(addNaked(40, 2), sum3(1, 2, -10));
//= 42 -7
const f: (a: u64, b: u64) => u64 = addNaked;
console.log(f(5, 6));
//= 11
const stack = memory.data(16384);
console.log(onStack(stack + 16384, square, 12));
//= 144
