// A first user program: runs on the host with `npx tskc run userland/hello.ts`
// (the linux target), and later as a ring-3 process of the tskc kernel.

function fib(n: i32): i32 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

console.log('hello from tskc');
for (let i: i32 = 0; i <= 10; i++) console.log('fib', i, '=', fib(i));
