// Per-CPU data, reached through the GS base. While the CPU runs kernel code
// the GS base points at its PerCpu; while it runs user code the GS base is
// the user's (0) and the kernel's pointer waits in IA32_KERNEL_GS_BASE.
// Every entry from ring 3 swaps the two with `swapgs` (the system-call
// entry always, the interrupt stubs when the interrupted code was in ring
// 3: compiler/x86/interrupts.ts), and every return to ring 3 swaps them
// back. The system-call entry finds the kernel stack here and parks the
// user rsp here. One CPU today; nothing that goes through here assumes it.
// docs/interrupts.md, "Per-CPU data".

const MSR_GS_BASE: u32 = 0xc000_0101;
const MSR_KERNEL_GS_BASE: u32 = 0xc000_0102;

/** The fields the assembly reads by offset (kernel/syscall/entry.ts): self 0, kernelStackTop 8, userRsp 16. */
export class PerCpu {
  /** Its own address: `mov rax, [gs:0]` gives the PerCpu. */
  self: u64 = 0;
  /** The kernel stack top of the process this CPU runs: where a system call switches to. */
  kernelStackTop: u64 = 0;
  /** The user rsp, between a system call's first instruction and its first push. */
  userRsp: u64 = 0;
  /** The CPU's number (0: the boot CPU). */
  id: u64 = 0;
}

const boot = new PerCpu();

/** Points the boot CPU's GS base at its PerCpu (and the user's saved one at 0); before the first entry from ring 3. */
export function perCpuInit(): void {
  boot.self = changetype<u64>(boot);
  wrmsr(MSR_GS_BASE, boot.self);
  wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/** The PerCpu of the CPU running this code (kernel mode: GS is the kernel's). */
export function thisCpu(): PerCpu {
  return changetype<PerCpu>(asm<u64>('mov {0}, [gs:0]', asm.out('reg')));
}
