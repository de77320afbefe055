// The `syscall` instruction's way into the kernel. syscallInit programs the
// MSRs: STAR (the selectors of gdt.ts), LSTAR (syscallEntry), SFMASK (the
// RFLAGS bits cleared on entry: IF among them, so system calls run with
// interrupts off) and EFER.SCE. syscallEntry, a @naked function, switches
// to the current process's kernel stack, saves what Linux's ABI preserves
// (everything but rax, rcx and r11) as a SyscallFrame, calls the handler the
// system call table (dispatch.ts) has for the number, and returns with
// sysretq. docs/syscall-abi.md, "The kernel side".
import { STAR_VALUE } from '../cpu/gdt';
import { syscallTableInit } from './dispatch';

const EFER: u32 = 0xc000_0080;
const STAR: u32 = 0xc000_0081;
const LSTAR: u32 = 0xc000_0082;
const SFMASK: u32 = 0xc000_0084;
const EFER_SCE: u64 = 1;
/** Cleared on entry: TF, IF, DF, IOPL, NT, AC (as Linux). */
const ENTRY_CLEARS: u64 = 0x47700;

/** The user rsp, between the entry's first instruction and its first push. @export tskc_syscall_user_rsp */
let userRsp: u64 = 0;

/**
 * Entered by `syscall` in ring 0 with the user's rsp, rip in rcx and rflags
 * in r11. The frame it builds (lowest address first) is a SyscallFrame:
 * r9, r8, r10, rdx, rsi, rdi, rbp, rflags, rip, rsp: ten words, so the
 * stack stays 16-byte aligned for the call (the number is in rax). rbp is
 * cleared for the kernel so that backtraces end here and never read user
 * memory. The handler is table[min(nr, last)] (unsigned), so any number
 * outside the table reaches the -ENOSYS slot. Interrupts stay off until sysretq restores the user's RFLAGS, so
 * nothing can run on the user stack in ring 0. @naked
 */
function syscallEntry(): void {
  asm(
    'mov [rel tskc_syscall_user_rsp], rsp',
    'mov rsp, [rel tskc_kernel_stack_top]',
    'push qword [rel tskc_syscall_user_rsp]',
    'push rcx',
    'push r11',
    'push rbp',
    'push rdi',
    'push rsi',
    'push rdx',
    'push r10',
    'push r8',
    'push r9',
    'xor ebp, ebp',
    'mov rdi, rsp',
    'mov rcx, [rel tskc_syscall_last]',
    'cmp rax, rcx',
    'cmova rax, rcx',
    'mov rcx, [rel tskc_syscall_table]',
    'call [rcx + rax*8]',
    'pop r9',
    'pop r8',
    'pop r10',
    'pop rdx',
    'pop rsi',
    'pop rdi',
    'pop rbp',
    'pop r11',
    'pop rcx',
    'pop rsp',
    'o64 sysret',
  );
}

/** Turns on `syscall`/`sysretq` with syscallEntry as the entry point. */
export function syscallInit(): void {
  syscallTableInit();
  wrmsr(STAR, STAR_VALUE);
  wrmsr(LSTAR, changetype<u64>(syscallEntry));
  wrmsr(SFMASK, ENTRY_CLEARS);
  wrmsr(EFER, rdmsr(EFER) | EFER_SCE);
}
