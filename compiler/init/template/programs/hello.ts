// The first user program: the kernel runs it in ring 3 (`npm start`), and
// it runs on Linux too (`npx tskc run programs/hello.ts`). Programs call the
// kernel with Linux's system call numbers; console.log is write(2).
export {};

const cs = asm<u64>('mov {result}, cs', asm.out('reg'));
console.log(`hello from ring ${cs & 3}`);
