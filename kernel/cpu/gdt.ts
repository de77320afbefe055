// The kernel's GDT, built in TypeScript (stage 2's GDT lives in memory the
// kernel may reuse). Layout, chosen for syscall/sysret (docs/interrupts.md,
// "GDT and TSS"):
//
//   0x00 null
//   0x08 kernel code, 64-bit, DPL 0     syscall: CS = STAR[47:32]      = 0x08
//   0x10 kernel data, DPL 0             syscall: SS = STAR[47:32] + 8  = 0x10
//   0x18 user data, DPL 3 (0x1B)        sysret:  SS = STAR[63:48] + 8  | 3 = 0x1B
//   0x20 user code, 64-bit, DPL 3 (0x23) sysret: CS = STAR[63:48] + 16 | 3 = 0x23
//   0x28 64-bit TSS (two slots)
//
// so STAR's sysret base is 0x10 and its syscall base 0x08 (STAR_VALUE).
// The boot CPU's GDT is static here; every other CPU gets one of its own,
// the same but for its TSS descriptor (gdtBuild, kernel/smp/ap.ts).
import { tssAddress, TSS_LIMIT } from './tss';

export const KERNEL_CODE: u16 = 0x08;
export const KERNEL_DATA: u16 = 0x10;
export const USER_DATA: u16 = 0x1b;
export const USER_CODE: u16 = 0x23;
export const TSS_SELECTOR: u16 = 0x28;
/** IA32_STAR's selector fields for the layout above (bits 32..63; the syscall issue writes the MSR). */
export const STAR_VALUE: u64 = 0x0010_0008_0000_0000;

const ENTRIES: usize = 7;
/** Bytes of one GDT. */
export const GDT_BYTES: usize = 56;
const gdt: usize = memory.data(56);

function setEntry(table: usize, i: usize, value: u64): void {
  store<u64>(table + i * 8, value);
}

/** The two-slot descriptor of an available 64-bit TSS at `base` (type 9, present, DPL 0). */
function tssDescriptor(table: usize, base: u64, limit: u64): void {
  const low = (limit & 0xffff) | ((base & 0xff_ffff) << 16) | (u64(0x89) << 40) | (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
  setEntry(table, 5, low);
  setEntry(table, 6, base >> 32);
}

/** Reloads CS with a far return, then the data segment registers (FS and GS null). */
function reloadSegments(): void {
  asm(
    'push 0x08',
    'lea rax, [rel .reloaded]',
    'push rax',
    'retfq',
    '.reloaded:',
    'mov eax, 0x10',
    'mov ds, ax',
    'mov es, ax',
    'mov ss, ax',
    'xor eax, eax',
    'mov fs, ax',
    'mov gs, ax',
    asm.clobber('rax'),
  );
}

/** Fills the GDT_BYTES at `table` with the layout above, its TSS descriptor pointing at `tss`. */
export function gdtBuild(table: usize, tss: usize): void {
  setEntry(table, 0, 0);
  setEntry(table, 1, 0x00af9a000000ffff); // code: present, DPL 0, L (64-bit)
  setEntry(table, 2, 0x00cf92000000ffff); // data: present, DPL 0, writable
  setEntry(table, 3, 0x00cff2000000ffff); // data: present, DPL 3, writable
  setEntry(table, 4, 0x00affa000000ffff); // code: present, DPL 3, L (64-bit)
  tssDescriptor(table, u64(tss), u64(TSS_LIMIT));
}

/** The MSR of the GS base, which loading GS clears. */
const MSR_GS_BASE: u32 = 0xc000_0101;

/** Loads the GDT at `table` and reloads the segments; the GS base (a CPU's PerCpu, percpu.ts, set before this on the boot CPU) stays. */
export function gdtLoad(table: usize): void {
  const gsBase = rdmsr(MSR_GS_BASE);
  lgdt(table, u16(ENTRIES * 8 - 1));
  reloadSegments();
  wrmsr(MSR_GS_BASE, gsBase);
}

/** Builds the boot CPU's GDT (TSS descriptor included: tss.ts owns the TSS itself), loads it and reloads the segments. */
export function gdtInit(): void {
  gdtBuild(gdt, tssAddress());
  gdtLoad(gdt);
}

/** The GDT's address (for tests and the debugger). */
export function gdtAddress(): usize {
  return gdt;
}
