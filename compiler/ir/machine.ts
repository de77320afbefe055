// Machine intrinsics: CPU instructions the language exposes as functions
// (`outb`, `rdtsc`, `lidt`, …), one row each. The row is the single source
// of truth for everything but the instruction sequence: the IR op of the
// same name (its operand classes, its result, never removed or reordered),
// the target check in sema (privileged rows are kernel-only), and the
// generic lowering. x86/isel-machine.ts has the matching selection table.
// The TS declarations are in runtime/lib (kernel.d.ts for privileged rows,
// core.d.ts for the rest); docs/language.md §7.2 and §7.3 list them.
import type { Cls, OpInfo } from './ops.js';

export interface MachineDef {
  /** IR operand classes, in the order of the TS parameters. */
  args: Cls[];
  /** The result class, or null for a void intrinsic. */
  result: Cls | null;
  /** Ring-0 only: available on the kernel target alone (TSK1006 elsewhere). */
  privileged: boolean;
}

const k = (args: Cls[], result: Cls | null = null): MachineDef => ({ args, result, privileged: true });
const any = (args: Cls[], result: Cls | null = null): MachineDef => ({ args, result, privileged: false });

export const MACHINE = {
  // Port I/O: port, value / port; string forms: port, address, count (rep).
  outb: k(['w', 'w']), outw: k(['w', 'w']), outl: k(['w', 'w']),
  inb: k(['w'], 'w'), inw: k(['w'], 'w'), inl: k(['w'], 'w'),
  insb: k(['w', 'l', 'l']), insw: k(['w', 'l', 'l']), insl: k(['w', 'l', 'l']),
  outsb: k(['w', 'l', 'l']), outsw: k(['w', 'l', 'l']), outsl: k(['w', 'l', 'l']),
  // Control registers, MSRs, flags.
  readCr0: k([], 'l'), readCr2: k([], 'l'), readCr3: k([], 'l'), readCr4: k([], 'l'),
  writeCr0: k(['l']), writeCr2: k(['l']), writeCr3: k(['l']), writeCr4: k(['l']),
  rdmsr: k(['w'], 'l'), wrmsr: k(['w', 'l']),
  readFlags: k([], 'l'), writeFlags: k(['l']),
  // Interrupts, descriptor tables, paging, segments, SMAP.
  cli: k([]), sti: k([]), hlt: k([]),
  lgdt: k(['l', 'w']), lidt: k(['l', 'w']), ltr: k(['w']),
  invlpg: k(['l']), swapgs: k([]), stac: k([]), clac: k([]),
  // Every target: hints, traps, timing, identification, ordering.
  pause: any([]), int3: any([]), ud2: any([]),
  rdtsc: any([], 'l'), cpuid: any(['w', 'w', 'l']),
  mfence: any([]), lfence: any([]), sfence: any([]), compilerFence: any([]),
} satisfies Record<string, MachineDef>;

export type MachineOp = keyof typeof MACHINE;

export function isMachineOp(name: string): name is MachineOp {
  return Object.prototype.hasOwnProperty.call(MACHINE, name);
}

/**
 * The IR op rows: every machine intrinsic has effects, so no pass removes,
 * merges or reorders one, even when its result is unused (an `inb` that
 * acknowledges a device, a `readCr2` whose value changes at every fault).
 */
export function machineOpRows(): Record<MachineOp, OpInfo> {
  const rows = {} as Record<MachineOp, OpInfo>;
  for (const [name, d] of Object.entries(MACHINE) as [MachineOp, MachineDef][]) {
    rows[name] = { args: d.args, result: d.result !== null, effect: true, ...(d.result ? { classes: [d.result] } : {}) };
  }
  return rows;
}
