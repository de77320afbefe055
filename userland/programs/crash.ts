// crash MODE: faults on purpose, one way per mode, to show that the kernel
// kills only the faulting program. Under Linux each mode dies with the
// signal in the table; under tskc the kernel names the CPU exception.
//
//   div0   divide by zero (#DE)                      SIGFPE
//   ud2    an invalid opcode (#UD)                   SIGILL
//   kread  read kernel memory at KERNEL_ADDR (#PF)    SIGSEGV
//   kwrite write kernel memory at KERNEL_ADDR (#PF)   SIGSEGV
//   text   write its own code (#PF, write to r-x)    SIGSEGV
//   nx     jump into data (#PF, instruction fetch)   SIGSEGV
//   null   read address 0 (#PF)                      SIGSEGV
//   stack  recurse without end: overflow the stack   SIGSEGV
//          (#PF below the stack's last page)
//
// A mode that does not fault prints "crash: MODE did not fault" and exits 1;
// a missing or unknown mode prints the usage and exits 2.

import { argIs } from '../lib/args';
import { println } from '../lib/print';
import { exit } from '../lib/sys';

/** The kernel image's first page (KERNEL_VMA + its load address, docs/memory-map.md): mapped, but never for ring 3. A kernel address in a Linux process too. */
const KERNEL_ADDR: usize = 0xffff_ffff_8010_0000;

let divisor: u32 = 0;
const dataCode: usize = memory.data(16);

function divideByZero(): void {
  asm('xor edx, edx', 'mov eax, 1', 'div ecx', asm.in('ecx', divisor), asm.clobber('rax', 'rdx'));
}

function writeOwnCode(): void {
  volatileStore<u8>(changetype<usize>(writeOwnCode), 0xc3);
}

function jumpToData(): void {
  store<u8>(dataCode, 0xc3); // ret: harmless if the page were executable
  const f = changetype<() => void>(dataCode);
  f();
}

/** Recurses until the stack runs out; `depth` keeps the calls from being folded away. */
function recurse(depth: u64): u64 {
  return recurse(depth + 1) + 1;
}

function crash(): void {
  if (argIs(1, 'div0')) divideByZero();
  else if (argIs(1, 'ud2')) ud2();
  else if (argIs(1, 'kread')) volatileLoad<u64>(KERNEL_ADDR);
  else if (argIs(1, 'kwrite')) volatileStore<u64>(KERNEL_ADDR, 0xdead);
  else if (argIs(1, 'text')) writeOwnCode();
  else if (argIs(1, 'nx')) jumpToData();
  else if (argIs(1, 'null')) volatileLoad<u64>(0);
  else if (argIs(1, 'stack')) recurse(0);
  else {
    println('usage: crash div0|ud2|kread|kwrite|text|nx|null|stack');
    exit(2);
  }
  println('crash: the mode did not fault');
  exit(1);
}

crash();
