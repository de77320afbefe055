// Entry stubs of `@interrupt` handlers (docs/language.md §12.2). The CPU
// enters the stub (its symbol is the handler's value, for IDT gates); the
// stub makes the stack uniform, saves the registers, calls the handler's
// body as an ordinary SysV function and returns with iretq:
//
//   [rsp+8*21] ss  [+8*20] rsp  [+8*19] rflags  [+8*18] cs  [+8*17] rip
//   [rsp+8*16] error code (pushed by the CPU, or a 0 pushed by the stub)
//   [rsp+8*15] rax … [rsp] r15   (15 general registers, rsp not among them)
//
// All 15 general registers are saved, not only the caller-saved ones the
// SysV body may clobber: the cost is six pushes and pops, and the saved
// block is a complete register image of the interrupted code (what a later
// context switch or a debugger wants). rdi gets the address of the CPU's
// frame (the InterruptFrame), rsi the error code. The stack is aligned to
// 16 for the call (the CPU already aligns it in long mode; `and` keeps the
// stub correct whatever the depth), rbx holds the unaligned value across the
// call (the body preserves it), and DF is cleared as SysV requires. When
// the interrupted code ran in ring 3 (the saved CS's low bits), the stub
// swaps GS on the way in and again on the way out (`swapgs`), so the body
// always runs with the kernel's GS base, whatever ring 3 left in GS
// (docs/interrupts.md, "Per-CPU data"); a kernel that never sets its GS
// base swaps one 0 for another.
import type { InterruptStub } from '../ir/ir.js';
import { asmSym } from './emit.js';
import type { AsmWriter } from './emit.js';

/** Push order; popped in reverse. */
export const SAVED_REGISTERS = ['rax', 'rcx', 'rdx', 'rbx', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];

export function emitInterruptStub(w: AsmWriter, stub: InterruptStub): void {
  const name = asmSym(stub.name);
  const n = SAVED_REGISTERS.length;
  w.line('');
  w.line('align 16');
  w.line(`global ${name}:function (${name}.end - ${name})`);
  w.line(`${name}:`);
  const body = [
    ...(stub.errorCode ? [] : ['push 0                      ; no error code for this vector: a dummy keeps the layout']),
    'test byte [rsp + 16], 3     ; the interrupted CS: ring 3?',
    'jz .kernel_in',
    'swapgs                      ; the kernel\'s GS base',
    '.kernel_in:',
    ...SAVED_REGISTERS.map((r) => `push ${r}`),
    `lea rdi, [rsp + ${8 * (n + 1)}]         ; the InterruptFrame (rip, cs, rflags, rsp, ss)`,
    `mov rsi, [rsp + ${8 * n}]         ; the error code`,
    'mov rbx, rsp',
    'and rsp, -16',
    'cld',
    `call ${asmSym(stub.handler)}`,
    'mov rsp, rbx',
    ...[...SAVED_REGISTERS].reverse().map((r) => `pop ${r}`),
    'add rsp, 8                  ; drop the error code',
    'test byte [rsp + 8], 3      ; back to ring 3?',
    'jz .kernel_out',
    'swapgs                      ; the user\'s GS base',
    '.kernel_out:',
    'iretq',
  ];
  for (const l of body) w.line('    ' + l);
  w.line('.end:');
}
