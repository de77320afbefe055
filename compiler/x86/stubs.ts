// The program entry stubs, chosen by Target.entry. `process` (linux, user):
// `_start` keeps the initial rsp (argc, argv, envp: the System V process
// stack, docs/syscall-abi.md) in __tskc_process_sp, clears rbp (ending
// frame-pointer chains), aligns rsp to 16, calls the module's init function
// and exits with status 0. `kernel`: `_start`
// keeps the boot loader's rdi (the boot-info pointer) in __tskc_boot_info,
// switches to a 64 KiB boot stack in .bss, calls init and halts forever.
// The stack is page-aligned with a page of its own below it,
// __tskc_boot_stack_guard, which the kernel leaves unmapped (guardPage in
// kernel/mm/guard.ts) so that an overflow faults instead of corrupting .bss.
import type { Target } from '../target/target.js';
import { asmSym } from './emit.js';
import type { AsmWriter } from './emit.js';

export const BOOT_STACK_SIZE = 64 * 1024;
export const BOOT_STACK_GUARD_SIZE = 4096;

/** Writes `_start` into the current (.text) section. */
export function emitStartText(w: AsmWriter, target: Target, init: string): void {
  const body = target.entry === 'kernel'
    ? [
      '    mov [rel __tskc_boot_info], rdi',
      '    lea rsp, [rel __tskc_boot_stack_top]',
      '    xor ebp, ebp',
      `    call ${asmSym(init)}`,
      '    cli',
      '.halt:',
      '    hlt',
      '    jmp .halt',
    ]
    : [
      '    mov [rel __tskc_process_sp], rsp',
      '    xor ebp, ebp',
      '    and rsp, -16',
      `    call ${asmSym(init)}`,
      '    mov eax, 60',
      '    xor edi, edi',
      '    syscall',
    ];
  w.line('');
  w.line('align 16');
  w.line('global _start:function (_start.end - _start)');
  w.line('_start:');
  w.table.beginFunc('_start', '_start');
  for (const l of body) w.line(l);
  w.line('.end:');
}

/** The symbols the stub defines: a program may name them with `@extern` (they get no `extern` line). */
export function stubSymbols(target: Target): string[] {
  return target.entry === 'kernel'
    ? ['__tskc_boot_stack_guard', '__tskc_boot_stack', '__tskc_boot_stack_top', '__tskc_boot_info']
    : ['__tskc_process_sp'];
}

/** Writes the stub's .bss objects into the current (.bss) section. */
export function emitStartBss(w: AsmWriter, target: Target): void {
  w.line('');
  if (target.entry !== 'kernel') {
    w.line('alignb 8');
    w.line('global __tskc_process_sp:data 8');
    w.line('__tskc_process_sp:');
    w.line('    resq 1');
    return;
  }
  w.line('alignb 4096');
  w.line(`global __tskc_boot_stack_guard:data ${BOOT_STACK_GUARD_SIZE}`);
  w.line('__tskc_boot_stack_guard:');
  w.line(`    resb ${BOOT_STACK_GUARD_SIZE}`);
  w.line(`global __tskc_boot_stack:data ${BOOT_STACK_SIZE}`);
  w.line('__tskc_boot_stack:');
  w.line(`    resb ${BOOT_STACK_SIZE}`);
  w.line('global __tskc_boot_stack_top:data 0');
  w.line('__tskc_boot_stack_top:');
  w.line('global __tskc_boot_info:data 8');
  w.line('__tskc_boot_info:');
  w.line('    resq 1');
}
