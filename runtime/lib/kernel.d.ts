// Declarations for the `kernel` target: CPU instructions the kernel uses,
// compiled inline. See docs/language.md §7.2. Issue-by-issue this file grows
// to the full intrinsic set (control registers, MSRs, descriptor tables).

/** Writes a byte to an I/O port. @intrinsic outb */

declare function outb(port: u16, value: u8): void;
/** Writes a 16-bit word to an I/O port. @intrinsic outw */
declare function outw(port: u16, value: u16): void;
/** Writes a 32-bit word to an I/O port. @intrinsic outl */
declare function outl(port: u16, value: u32): void;
/** Reads a byte from an I/O port. @intrinsic inb */
declare function inb(port: u16): u8;
/** Reads a 16-bit word from an I/O port. @intrinsic inw */
declare function inw(port: u16): u16;
/** Reads a 32-bit word from an I/O port. @intrinsic inl */
declare function inl(port: u16): u32;
/** Halts the CPU until the next interrupt. @intrinsic hlt */
declare function hlt(): void;
/** Disables maskable interrupts. @intrinsic cli */
declare function cli(): void;
/** Enables maskable interrupts. @intrinsic sti */
declare function sti(): void;
/** A spin-wait hint. @intrinsic pause */
declare function pause(): void;
/** The address of the compiler's debug table (docs/debugging.md); runtime/kernel/symbols.ts reads it. @intrinsic debugTable */
declare function debugTable(): usize;
/** This function's frame pointer (rbp): [rbp] is the caller's rbp, [rbp + 8] the return address. @intrinsic frameAddress */
declare function frameAddress(): usize;
