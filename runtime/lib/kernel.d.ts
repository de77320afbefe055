// Declarations for the `kernel` target: privileged CPU instructions, compiled
// inline (the table is compiler/ir/machine.ts). The intrinsics every target
// has (rdtsc, cpuid, pause, fences, int3, ud2) are in core.d.ts.
// See docs/language.md §7.2; InterruptFrame (§12.2) is in runtime/kernel/interrupts.ts.

// ---- port I/O ---------------------------------------------------------------
/** Writes a byte to an I/O port (`out dx, al`). @intrinsic outb */
declare function outb(port: u16, value: u8): void;
/** Writes a 16-bit word to an I/O port. @intrinsic outw */
declare function outw(port: u16, value: u16): void;
/** Writes a 32-bit word to an I/O port. @intrinsic outl */
declare function outl(port: u16, value: u32): void;
/** Reads a byte from an I/O port (`in al, dx`). @intrinsic inb */
declare function inb(port: u16): u8;
/** Reads a 16-bit word from an I/O port. @intrinsic inw */
declare function inw(port: u16): u16;
/** Reads a 32-bit word from an I/O port. @intrinsic inl */
declare function inl(port: u16): u32;
/** Reads `count` bytes from a port into memory at `addr` (`rep insb`). @intrinsic insb */
declare function insb(port: u16, addr: usize, count: usize): void;
/** Reads `count` 16-bit words from a port into memory (`rep insw`). @intrinsic insw */
declare function insw(port: u16, addr: usize, count: usize): void;
/** Reads `count` 32-bit words from a port into memory (`rep insd`). @intrinsic insl */
declare function insl(port: u16, addr: usize, count: usize): void;
/** Writes `count` bytes from memory at `addr` to a port (`rep outsb`). @intrinsic outsb */
declare function outsb(port: u16, addr: usize, count: usize): void;
/** Writes `count` 16-bit words from memory to a port (`rep outsw`). @intrinsic outsw */
declare function outsw(port: u16, addr: usize, count: usize): void;
/** Writes `count` 32-bit words from memory to a port (`rep outsd`). @intrinsic outsl */
declare function outsl(port: u16, addr: usize, count: usize): void;

// ---- control registers, MSRs, flags -----------------------------------------
/** `mov rax, cr0`. @intrinsic readCr0 */
declare function readCr0(): u64;
/** The page-fault linear address (`mov rax, cr2`). @intrinsic readCr2 */
declare function readCr2(): u64;
/** The page-table root (`mov rax, cr3`). @intrinsic readCr3 */
declare function readCr3(): u64;
/** `mov rax, cr4`. @intrinsic readCr4 */
declare function readCr4(): u64;
/** `mov cr0, rax`. @intrinsic writeCr0 */
declare function writeCr0(value: u64): void;
/** `mov cr2, rax`. @intrinsic writeCr2 */
declare function writeCr2(value: u64): void;
/** Switches page tables and flushes non-global TLB entries (`mov cr3, rax`). @intrinsic writeCr3 */
declare function writeCr3(value: u64): void;
/** `mov cr4, rax`. @intrinsic writeCr4 */
declare function writeCr4(value: u64): void;
/** Reads model-specific register `msr` (`rdmsr`, edx:eax as one u64). @intrinsic rdmsr */
declare function rdmsr(msr: u32): u64;
/** Writes model-specific register `msr` (`wrmsr`, the u64 split into edx:eax). @intrinsic wrmsr */
declare function wrmsr(msr: u32, value: u64): void;
/** RFLAGS (`pushfq; pop`). @intrinsic readFlags */
declare function readFlags(): u64;
/** Sets RFLAGS (`push; popfq`); IF and IOPL change only in ring 0. @intrinsic writeFlags */
declare function writeFlags(value: u64): void;

// ---- interrupts, descriptor tables, paging, segments --------------------------
/** Halts the CPU until the next interrupt. @intrinsic hlt */
declare function hlt(): void;
/** Disables maskable interrupts. @intrinsic cli */
declare function cli(): void;
/** Enables maskable interrupts. @intrinsic sti */
declare function sti(): void;
/** Loads the GDT register with `base` and `limit` (size in bytes − 1). @intrinsic lgdt */
declare function lgdt(base: usize, limit: u16): void;
/** Loads the IDT register with `base` and `limit` (size in bytes − 1). @intrinsic lidt */
declare function lidt(base: usize, limit: u16): void;
/** Loads the task register with a TSS selector. @intrinsic ltr */
declare function ltr(selector: u16): void;
/** Drops the TLB entry of the page holding `addr`. @intrinsic invlpg */
declare function invlpg(addr: usize): void;
/** Exchanges GS.base with the KernelGSbase MSR. @intrinsic swapgs */
declare function swapgs(): void;
/** Allows supervisor access to user pages while SMAP is on (sets AC). @intrinsic stac */
declare function stac(): void;
/** Forbids supervisor access to user pages again (clears AC). @intrinsic clac */
declare function clac(): void;

/** The address of the compiler's debug table (docs/debugging.md); runtime/kernel/symbols.ts reads it. @intrinsic debugTable */
declare function debugTable(): usize;
/** This function's frame pointer (rbp): [rbp] is the caller's rbp, [rbp + 8] the return address. @intrinsic frameAddress */
declare function frameAddress(): usize;
