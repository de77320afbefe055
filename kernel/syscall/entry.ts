// The `syscall` instruction's way into the kernel. syscallInit programs the
// MSRs: STAR (the selectors of gdt.ts), LSTAR (syscallEntry), SFMASK (the
// RFLAGS bits cleared on entry: IF among them, so system calls run with
// interrupts off) and EFER.SCE. syscallEntry, a @naked function, swaps GS
// and switches to the current process's kernel stack, saves the whole user register set
// as a TrapFrame (or, for a light or lean call, only what it needs), calls the handler the system call table (dispatch.ts) has
// for the number, and returns with sysretq (or iretq for a restored
// context). docs/syscall-abi.md, "The kernel side".
import { STAR_VALUE } from '../cpu/gdt';
import { syscallTableInit } from './dispatch';

const EFER: u32 = 0xc000_0080;
const STAR: u32 = 0xc000_0081;
const LSTAR: u32 = 0xc000_0082;
const SFMASK: u32 = 0xc000_0084;
const EFER_SCE: u64 = 1;
/** Cleared on entry: TF, IF, DF, IOPL, NT, AC (as Linux). */
const ENTRY_CLEARS: u64 = 0x47700;

/**
 * Entered by `syscall` in ring 0 with the user's rsp, rip in rcx and rflags
 * in r11. Swaps in the kernel's GS base and, through it, this CPU's
 * PerCpu (kernel/cpu/percpu.ts): it parks the user rsp there and takes the
 * kernel stack from there. Builds a TrapFrame (kernel/proc/trapframe.ts) at the top of the
 * process's kernel stack, the same 21 words an interrupt from ring 3 leaves
 * there: the selectors, rsp, rflags and rip as an interrupt-return frame,
 * the number in the code word, then all 15 general registers. rbp is
 * cleared for the kernel so that backtraces end here and never read user
 * memory. The handler is table[min(nr, last)] (unsigned), so any number
 * outside the table reaches the -ENOSYS slot; it gets the frame and its
 * result becomes the frame's rax. When tskc_syscall_work asks for it
 * (sched.ts), syscallExitWork then delivers pending signals and says how
 * to return: sysretq (rcx and r11 take rip and rflags
 * from the frame, as `syscall` left them) or, for a frame the kernel
 * restored whole (rt_sigreturn), trapReturn's iretq. The big kernel lock
 * (kernel/cpu/bkl.ts) is taken once the frame is built and released just
 * before the registers come back. Interrupts stay off
 * until sysretq or iretq restores the user's RFLAGS, so nothing can run on
 * the user stack in ring 0. A light call (dispatch.ts, setLight:
 * getpid) skips all of that: with the user's rip, rflags and argument
 * registers on the kernel stack, its handler runs without a frame and
 * without the lock, and sysretq returns (a signal that is pending waits
 * for the next system call or interrupt). A lean call (setLean: read,
 * write, sched_yield) takes the lock and may sleep, but keeps only the
 * user's rsp, rip, rflags, rbp, the number and the argument registers,
 * and calls its handler with the arguments themselves; rbx and r12–r15
 * are the compiled handler's to save. Only when syscallWork asks for the
 * exit work is the whole TrapFrame built, then, from those words, the
 * result and the live registers, for the same exit as a framed call.
 * @naked
 */
function syscallEntry(): void {
  asm(
    'swapgs', // GS: this CPU's PerCpu (kernel/cpu/percpu.ts)
    'mov [gs:16], rsp', // PerCpu.userRsp
    'mov rsp, [gs:8]', // PerCpu.kernelStackTop
    // A light call (dispatch.ts syscallLight: a bit of the mask for each number below 64) needs no frame and no lock.
    'cmp rax, 63',
    'ja .frame',
    // A lean call (dispatch.ts setLean: read, write, sched_yield) takes the lock but builds a frame only if its exit has work.
    'bt qword [rel tskc_syscall_lean], rax',
    'jc .lean',
    'bt qword [rel tskc_syscall_light], rax',
    'jc .light',
    '.frame:',
    'push 0x1b', // ss (trapframe.ts USER_SS)
    'push qword [gs:16]',
    'push r11', // rflags
    'push 0x23', // cs (USER_CS)
    'push rcx', // rip
    'push rax', // code: the number
    'push rax',
    'push rcx',
    'push rdx',
    'push rbx',
    'push rbp',
    'push rsi',
    'push rdi',
    'push r8',
    'push r9',
    'push r10',
    'push r11',
    'push r12',
    'push r13',
    'push r14',
    'push r15',
    'xor ebp, ebp',
    'sub rsp, 8', // 21 words: align to 16 for the call
    // kernel/cpu/bkl.ts, the big kernel lock: one xchg when it is free, else bklSyscallEnter spins for it.
    'mov ecx, 1', // rcx is saved: rax keeps the number
    'xchg rcx, [rel tskc_bkl_word]',
    'test rcx, rcx',
    'jz .owned',
    'call tskc_bkl_enter',
    'mov rax, [rsp + 128]', // the number again (the code word)
    'jmp .held',
    '.owned:',
    'mov rcx, [gs:32]', // PerCpu.id
    'inc rcx',
    'mov [rel tskc_bkl_owner], rcx',
    '.held:',
    'lea rdi, [rsp + 8]', // the frame
    'mov rcx, [rel tskc_syscall_last]',
    'cmp rax, rcx',
    'cmova rax, rcx',
    'mov rcx, [rel tskc_syscall_table]',
    'call [rcx + rax*8]',
    'add rsp, 8',
    'mov [rsp + 112], rax', // the frame's rax
    'cmp qword [gs:24], 0', // PerCpu.syscallWork
    'je .fast',
    '.work:', // rsp: a whole frame
    'mov rdi, rsp',
    'sub rsp, 8',
    'call tskc_syscall_exit_work',
    'movzx eax, al',
    'mov [rsp], rax', // kept across the lock's release
    'call tskc_bkl_exit', // kernel/cpu/bkl.ts: the big kernel lock goes
    'pop rax',
    'test al, al', // ZF set: return by sysretq
    'jmp ..@tskc_user_return', // kernel/proc/trapframe.ts trapReturn
    '.fast:',
    'mov qword [rel tskc_bkl_owner], 0', // bklRelease, inline
    'mov qword [rel tskc_bkl_word], 0',
    'xor eax, eax', // ZF set: sysretq (rax comes back from the frame)
    'jmp ..@tskc_user_return',
    // The lean path: the user's rsp, rip, rflags, the number, rbp and the argument registers are kept on the kernel stack;
    // rbx and r12-r15 stay in their registers (the compiled handler saves what it uses).
    '.lean:',
    'push qword [gs:16]', // [rsp + 88] the user's rsp (PerCpu.userRsp is another's once this call sleeps)
    'push rcx', // [rsp + 80] rip
    'push r11', // [rsp + 72] rflags
    'push rax', // [rsp + 64] the number
    'push rbp', // [rsp + 56]
    'push rdi', // [rsp + 48]
    'push rsi', // [rsp + 40]
    'push rdx', // [rsp + 32]
    'push r8', // [rsp + 24]
    'push r9', // [rsp + 16]
    'push r10', // [rsp + 8]
    'sub rsp, 8', // 12 words: aligned to 16 for the call
    'xor ebp, ebp',
    'mov ecx, 1', // the big kernel lock, as above
    'xchg rcx, [rel tskc_bkl_word]',
    'test rcx, rcx',
    'jz .lean_owned',
    'call tskc_bkl_enter', // clobbers the argument registers: they come back from the stack
    'call .lean_args',
    'mov rax, [rsp + 64]', // the number
    'jmp .lean_held',
    '.lean_owned:',
    'mov rcx, [gs:32]', // PerCpu.id
    'inc rcx',
    'mov [rel tskc_bkl_owner], rcx',
    '.lean_held:',
    'mov rcx, r10', // the fourth argument, where the C convention wants it
    'mov r11, [rel tskc_syscall_table]',
    'call [r11 + rax*8]', // the handler takes the arguments themselves: no frame
    'cmp qword [gs:24], 0', // PerCpu.syscallWork
    'jne .lean_work',
    'mov qword [rel tskc_bkl_owner], 0', // bklRelease, inline
    'mov qword [rel tskc_bkl_word], 0',
    'call .lean_args',
    'mov rbp, [rsp + 56]',
    'mov r11, [rsp + 72]', // rflags
    'mov rcx, [rsp + 80]', // rip
    'mov rsp, [rsp + 88]', // the user's rsp
    'swapgs',
    'o64 sysret',
    // A subroutine of the lean path: the argument registers back from the saved words (above its return address).
    '.lean_args:',
    'mov rdi, [rsp + 56]',
    'mov rsi, [rsp + 48]',
    'mov rdx, [rsp + 40]',
    'mov r8, [rsp + 32]',
    'mov r9, [rsp + 24]',
    'mov r10, [rsp + 16]',
    'ret',
    // Work on the way out (a signal to deliver): the frame the other path built at entry, built now below the saved
    // words from them, the result and the registers the handler preserved, and the same exit from there on.
    '.lean_work:',
    'mov rcx, rsp',
    'push 0x1b', // ss
    'push qword [rcx + 88]', // rsp
    'push qword [rcx + 72]', // rflags
    'push 0x23', // cs
    'push qword [rcx + 80]', // rip
    'push qword [rcx + 64]', // code: the number
    'push rax', // rax: the result
    'push qword [rcx + 80]', // rcx: the rip, as syscall left it
    'push qword [rcx + 32]', // rdx
    'push rbx',
    'push qword [rcx + 56]', // rbp
    'push qword [rcx + 40]', // rsi
    'push qword [rcx + 48]', // rdi
    'push qword [rcx + 24]', // r8
    'push qword [rcx + 16]', // r9
    'push qword [rcx + 8]', // r10
    'push qword [rcx + 72]', // r11: the rflags, as syscall left them
    'push r12',
    'push r13',
    'push r14',
    'push r15',
    'jmp .work',
    // The light path: rip, rflags and the argument registers a compiled handler may clobber are kept on the kernel stack.
    '.light:',
    'push rcx', // rip
    'push r11', // rflags
    'push rdi',
    'push rsi',
    'push rdx',
    'push r8',
    'push r9',
    'push r10', // 8 words: aligned to 16 for the call
    'mov rcx, [rel tskc_syscall_table]',
    'call [rcx + rax*8]', // no frame: a light handler ignores its argument
    'pop r10',
    'pop r9',
    'pop r8',
    'pop rdx',
    'pop rsi',
    'pop rdi',
    'pop r11',
    'pop rcx',
    'mov rsp, [gs:16]', // the user's rsp
    'swapgs',
    'o64 sysret',
  );
}

/** Turns on `syscall`/`sysretq` with syscallEntry as the entry point. */
export function syscallInit(): void {
  syscallTableInit();
  syscallCpuInit();
}

/** This CPU's half of syscallInit: the MSRs (every CPU has its own; kernel/smp/ap.ts). */
export function syscallCpuInit(): void {
  wrmsr(STAR, STAR_VALUE);
  wrmsr(LSTAR, changetype<u64>(syscallEntry));
  wrmsr(SFMASK, ENTRY_CLEARS);
  wrmsr(EFER, rdmsr(EFER) | EFER_SCE);
}
