// The machine side of processes, in @naked functions: the context switch
// between kernel stacks, the first entry of a process into ring 3, and the
// FPU/SSE state every process keeps (the kernel itself never uses SSE, but
// user programs do, and their xmm registers must survive other processes
// running while they wait in a system call). docs/processes.md, "The
// context switch".

/**
 * Saves the callee-saved registers and RFLAGS on the current stack, stores
 * rsp at `save`, loads rsp from `next` and restores the same from there: it
 * returns on the other stack, into whatever called switchStacks there (or
 * into enterUser, for a new process: newProcessStack). @naked
 */
export function switchStacks(save: usize, next: u64): void {
  asm(
    'push rbp',
    'push rbx',
    'push r12',
    'push r13',
    'push r14',
    'push r15',
    'pushfq',
    'mov [rdi], rsp',
    'mov rsp, rsi',
    'popfq',
    'pop r15',
    'pop r14',
    'pop r13',
    'pop r12',
    'pop rbx',
    'pop rbp',
    'ret',
  );
}

/**
 * A new process's first return from switchStacks lands here, with its user
 * entry point in r12 and its user stack pointer in r13 (newProcessStack put
 * them there). Builds the interrupt-return frame for ring 3 (user code and
 * stack selectors, interrupts on), clears every other register so that no
 * kernel value leaks, and iretq. @naked
 */
function enterUser(): void {
  asm(
    'push 0x1b', // ss: user data (gdt.ts USER_DATA)
    'push r13', // rsp
    'push 0x202', // rflags: IF
    'push 0x23', // cs: user code (gdt.ts USER_CODE)
    'push r12', // rip
    'xor eax, eax',
    'xor ebx, ebx',
    'xor ecx, ecx',
    'xor edx, edx',
    'xor esi, esi',
    'xor edi, edi',
    'xor ebp, ebp',
    'xor r8d, r8d',
    'xor r9d, r9d',
    'xor r10d, r10d',
    'xor r11d, r11d',
    'xor r12d, r12d',
    'xor r13d, r13d',
    'xor r14d, r14d',
    'xor r15d, r15d',
    'iretq',
  );
}

/** Bytes newProcessStack puts on a fresh stack: 7 saved values and the return address. */
const SWITCH_FRAME_BYTES: usize = 64;

/**
 * Prepares the fresh kernel stack ending at `top` so that switching to it
 * enters user mode at `entry` with rsp `userSp`; returns the rsp to switch to.
 */
export function newProcessStack(top: usize, entry: u64, userSp: u64): u64 {
  const sp = top - SWITCH_FRAME_BYTES;
  store<u64>(sp, 0x2); // rflags: interrupts off until the iretq
  store<u64>(sp + 8, 0); // r15
  store<u64>(sp + 16, 0); // r14
  store<u64>(sp + 24, userSp); // r13
  store<u64>(sp + 32, entry); // r12
  store<u64>(sp + 40, 0); // rbx
  store<u64>(sp + 48, 0); // rbp: ends the frame chain
  store<u64>(sp + 56, changetype<u64>(enterUser)); // return address
  return u64(sp);
}

/** Saves the FPU, x87 and SSE state into the 512-byte, 16-byte-aligned area at `area`. @naked */
export function fpuSave(area: usize): void {
  asm('fxsave64 [rdi]', 'ret');
}

/** Loads the state fpuSave saved (or fpuInitState made) from `area`. @naked */
export function fpuRestore(area: usize): void {
  asm('fxrstor64 [rdi]', 'ret');
}

/**
 * Writes the state of a fresh process into `area` (512 bytes, already all
 * zero: a new Process's): x87 control 0x37f, MXCSR 0x1f80, all else 0.
 */
export function fpuInitState(area: usize): void {
  store<u16>(area, 0x37f);
  store<u32>(area + 24, 0x1f80);
}
