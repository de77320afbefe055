// The trap frame: the complete register image of ring-3 code that entered
// the kernel, at the top of the process's kernel stack. Interrupts and
// exceptions from ring 3 (the @interrupt stubs, compiler/x86/interrupts.ts)
// and system calls (kernel/syscall/entry.ts) build the same 21 words: the
// 15 general registers, one word of code (the error code, the vector, or the
// system call's number) and the CPU's interrupt-return frame. So the user
// state of the running process is always at kstackTop - TRAP_FRAME_BYTES,
// where fork copies it, execve rewrites it, and signal delivery
// (kernel/proc/signal.ts) redirects it. docs/processes.md, "The trap frame".

/** Lowest address first: the order the entry paths push in reverse. */
export class TrapFrame {
  r15: u64 = 0;
  r14: u64 = 0;
  r13: u64 = 0;
  r12: u64 = 0;
  r11: u64 = 0;
  r10: u64 = 0;
  r9: u64 = 0;
  r8: u64 = 0;
  rdi: u64 = 0;
  rsi: u64 = 0;
  rbp: u64 = 0;
  rbx: u64 = 0;
  rdx: u64 = 0;
  rcx: u64 = 0;
  rax: u64 = 0;
  /** The error code, vector or system call number. */
  code: u64 = 0;
  rip: u64 = 0;
  cs: u64 = 0;
  rflags: u64 = 0;
  rsp: u64 = 0;
  ss: u64 = 0;
}

export const TRAP_FRAME_BYTES: usize = 168;
/** Where `rip` sits in the frame: the InterruptFrame a stub hands its handler is this far above the TrapFrame. */
export const TRAP_FRAME_RIP: usize = 128;
/** The user selectors (kernel/cpu/gdt.ts) and the RFLAGS a fresh user context gets (IF, and bit 1). */
export const USER_CS: u64 = 0x23;
export const USER_SS: u64 = 0x1b;
export const USER_RFLAGS: u64 = 0x202;

/** The trap frame of the process whose kernel stack ends at `top`. */
export function trapFrameAt(top: usize): TrapFrame {
  return changetype<TrapFrame>(top - TRAP_FRAME_BYTES);
}

/** The trap frame around the InterruptFrame `frame` that an interrupt handler's entry stub passed. */
export function trapFrameOf(frame: InterruptFrame): TrapFrame {
  return changetype<TrapFrame>(changetype<usize>(frame) - TRAP_FRAME_RIP);
}

/** Clears every general register of `f` and points it at `rip` with stack `rsp`, ring 3, interrupts on: a fresh user context. */
export function resetTrapFrame(f: TrapFrame, rip: u64, rsp: u64): void {
  memset(changetype<usize>(f), 0, TRAP_FRAME_BYTES);
  f.rip = rip;
  f.cs = USER_CS;
  f.rflags = USER_RFLAGS;
  f.rsp = rsp;
  f.ss = USER_SS;
}

/**
 * Returns to ring 3 from the trap frame at rsp by iretq, after releasing the big kernel lock (kernel/cpu/bkl.ts): pops the general
 * registers, drops the code word, swaps the user's GS base back and iretq. Used where sysretq cannot
 * serve: a new or forked process's first return, and a context restored by
 * rt_sigreturn (rcx and r11 are live). The system-call entry
 * (kernel/syscall/entry.ts) comes in at ..@tskc_user_return with ZF set when
 * sysretq will do: the pops leave the flags alone, and rcx and r11 then
 * take rip and rflags from the frame. @naked
 */
export function trapReturn(): void {
  asm(
    'sub rsp, 8',
    'call tskc_bkl_exit', // kernel/cpu/bkl.ts: a process's first return; the lock goes
    'add rsp, 8',
    'test rsp, rsp', // never 0: ZF clear, return by iretq
    '..@tskc_user_return:', // a ..@ label: trapReturn's local labels stay its own
    'pop r15',
    'pop r14',
    'pop r13',
    'pop r12',
    'pop r11',
    'pop r10',
    'pop r9',
    'pop r8',
    'pop rdi',
    'pop rsi',
    'pop rbp',
    'pop rbx',
    'pop rdx',
    'pop rcx',
    'pop rax',
    'jnz .iret',
    'mov rcx, [rsp + 8]', // rip
    'mov r11, [rsp + 24]', // rflags
    'mov rsp, [rsp + 32]', // the user's rsp
    'swapgs', // the user's GS base back (kernel/cpu/percpu.ts)
    'o64 sysret',
    '.iret:',
    'add rsp, 8', // the code word
    'swapgs', // always to ring 3 here
    'iretq',
  );
}
