// Inline assembly, on every target (docs/language.md §11), modelled on
// Rust's asm!: a NASM template with `{name}` placeholders, operands bound to
// a register class or an explicit register, clobbers and options. Only the
// compiler gives these calls a meaning; they exist here so that tsc checks
// them:
//
//   const cr3 = asm<u64>('mov {result}, cr3', asm.out('reg'));
//   asm('out dx, al', asm.in('rdx', port), asm.in('rax', v), asm.options('nomem', 'nostack'));

/** What asm.in(), asm.out(), asm.clobber()… make: only valid as an argument of asm(). */
interface AsmOperand { readonly __asmOperand?: never }

/** Register classes (`reg`: any general register; `xmm`: any SSE register, process targets only) and registers. */
type AsmReg =
  | 'reg' | 'xmm'
  | 'rax' | 'rbx' | 'rcx' | 'rdx' | 'rsi' | 'rdi' | 'r8' | 'r9' | 'r10' | 'r11' | 'r12' | 'r13' | 'r14' | 'r15'
  | 'eax' | 'ebx' | 'ecx' | 'edx' | 'esi' | 'edi'
  | 'xmm0' | 'xmm1' | 'xmm2' | 'xmm3' | 'xmm4' | 'xmm5' | 'xmm6' | 'xmm7'
  | 'xmm8' | 'xmm9' | 'xmm10' | 'xmm11' | 'xmm12' | 'xmm13' | 'xmm14' | 'xmm15'
  | (string & {});

/** What asm.options(…) makes when the options include 'noreturn': the asm then has type never. */
interface AsmNoreturn extends AsmOperand { readonly __asmNoreturn: true }

/** asm options: what the template does not do, so the compiler may assume it. */
type AsmOption = 'nomem' | 'readonly' | 'pure' | 'nostack' | 'preserves_flags' | 'noreturn';

interface Asm {
  /**
   * Inline assembly that never returns: options including 'noreturn', given
   * last, make the call `never`, so TypeScript knows control ends here.
   * @intrinsic asm
   */
  (template: string, ...operands: [...(string | AsmOperand)[], AsmNoreturn]): never;
  /**
   * Inline assembly: `template` lines (NASM syntax) with `{name}`, `{N}` and
   * `{name:e}` placeholders, then operands. The result, of type T, is the
   * output operand written without a place (`asm.out('reg')`).
   * @intrinsic asm
   */
  <T = void>(template: string, ...operands: (string | AsmOperand)[]): T;
  /** An input: `value` is in `reg` when the template starts. @intrinsic asm.in */
  in(reg: AsmReg, value: unknown): AsmOperand;
  /**
   * An output, written to `place` (a variable, global or field) after the
   * template; without a place it is asm's result. Its register holds no
   * input (written before the inputs are all read). @intrinsic asm.out
   */
  out(reg: AsmReg, place?: unknown): AsmOperand;
  /** An output written only after every input is read: it may share an input's register. @intrinsic asm.lateout */
  lateout(reg: AsmReg, place?: unknown): AsmOperand;
  /** `place` is read into `reg` and written back from it; or `value` in, `place` out. @intrinsic asm.inout */
  inout(reg: AsmReg, place: unknown, out?: unknown): AsmOperand;
  /** Registers the template overwrites (inputs included). @intrinsic asm.clobber */
  clobber(...regs: AsmReg[]): AsmOperand;
  /** Every register the ABI lets a call overwrite (SysV: rax, rcx, rdx, rsi, rdi, r8–r11, all xmm). @intrinsic asm.clobberAbi */
  clobberAbi(abi: 'sysv'): AsmOperand;
  /** What the template promises (docs/language.md §11.4); give them last. @intrinsic asm.options */
  options<O extends AsmOption[]>(...options: O): 'noreturn' extends O[number] ? AsmNoreturn : AsmOperand;
}

/** Inline assembly (docs/language.md §11). */
declare const asm: Asm;
