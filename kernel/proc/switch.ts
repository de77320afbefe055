// The machine side of processes, in @naked functions: the context switch
// between kernel stacks, the first entry of a process into ring 3, and the
// FPU/SSE state every process keeps (the kernel itself never uses SSE, but
// user programs do, and their xmm registers must survive other processes
// running while they wait in a system call). docs/processes.md, "The
// context switch".
import { TRAP_FRAME_BYTES, trapReturn } from './trapframe';

/**
 * Saves the callee-saved registers and RFLAGS on the current stack, stores
 * rsp at `save`, loads rsp from `next` and restores the same from there: it
 * returns on the other stack, into whatever called switchStacks there (or
 * into trapReturn, for a new process: newProcessStack). @naked
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

/** Bytes newProcessStack puts below the trap frame: 7 saved values and the return address. */
const SWITCH_FRAME_BYTES: usize = 64;

/**
 * Prepares the kernel stack ending at `top`, whose trap frame the caller
 * has filled (a fresh user context for spawn and execve, a copy of the
 * parent's for fork), so that switching to it returns through trapReturn
 * into ring 3; returns the rsp to switch to.
 */
export function newProcessStack(top: usize): u64 {
  const sp = top - TRAP_FRAME_BYTES - SWITCH_FRAME_BYTES;
  store<u64>(sp, 0x2); // rflags: interrupts off until the iretq
  memset(sp + 8, 0, 48); // r15, r14, r13, r12, rbx, rbp (0 ends the frame chain)
  store<u64>(sp + 56, changetype<u64>(trapReturn)); // return address
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
