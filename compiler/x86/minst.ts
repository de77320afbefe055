// The machine IR: x86-64 instructions in Intel operand order over virtual
// and physical registers, as isel produces them and the register allocator,
// frame builder and emitter consume them. Registers 0–15 are the physical
// general-purpose ones in encoding order (rax=0 … r15=15), 16–31 are
// xmm0–xmm15; numbers from FIRST_VREG up are virtual. A virtual register is
// an xmm register when MFunc.xmm holds it (isel decides, from the IR class);
// xmm operands have width 4 (an f32 in the low lane) or 8 (an f64), which
// sizes their memory forms. Every op's operand roles (read/write), which operand positions
// may be memory, and its implicit fixed registers are in one table, FORMS.
import type { SourceLoc } from '../ir/ir.js';

/** Access widths; 16 only for 128-bit memory operands of SSE logic ops (sign masks). */
export type Width = 1 | 2 | 4 | 8 | 16;

export const RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
export const R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;
export const XMM0 = 16;
/** xmm register n. */
export const xmm = (n: number): number => XMM0 + n;
export const FIRST_VREG = 32;
/** Whether physical register r is an xmm register. */
export const isXmmPhys = (r: number): boolean => r >= XMM0 && r < FIRST_VREG;

/** SysV AMD64 integer argument registers, in order. */
export const ARG_REGS = [RDI, RSI, RDX, RCX, R8, R9];
/** SysV AMD64 float argument registers (xmm0–xmm7), counted separately from the integer ones. */
export const FLOAT_ARG_REGS = [0, 1, 2, 3, 4, 5, 6, 7].map(xmm);
/** Linux syscall argument registers, in order (the number goes in rax). */
export const SYSCALL_REGS = [RDI, RSI, RDX, R10, R8, R9];
export const CALLER_SAVED = [RAX, RCX, RDX, RSI, RDI, R8, R9, R10, R11];
export const CALLEE_SAVED = [RBX, R12, R13, R14, R15];
/** Every xmm register is caller-saved in SysV. */
export const XMM_ALL = Array.from({ length: 16 }, (_, n) => xmm(n));
/** What a call clobbers. */
export const CALL_CLOBBERS = [...CALLER_SAVED, ...XMM_ALL];

const NAMES: Record<1 | 2 | 4 | 8, string[]> = {
  8: ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'],
  4: ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi', 'r8d', 'r9d', 'r10d', 'r11d', 'r12d', 'r13d', 'r14d', 'r15d'],
  2: ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di', 'r8w', 'r9w', 'r10w', 'r11w', 'r12w', 'r13w', 'r14w', 'r15w'],
  1: ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil', 'r8b', 'r9b', 'r10b', 'r11b', 'r12b', 'r13b', 'r14b', 'r15b'],
};

export function regName(r: number, w: Width): string {
  if (isXmmPhys(r)) return `xmm${r - XMM0}`;
  return r < FIRST_VREG ? NAMES[w as 1 | 2 | 4 | 8][r] : `%v${r - FIRST_VREG}${w === 8 ? '' : ':' + w}`;
}

export interface RegOp { k: 'reg'; r: number; w: Width }
export interface ImmOp { k: 'imm'; v: bigint }
/**
 * A memory operand: [base + index*scale + disp] (base and index optional,
 * isel-addr.ts folds address arithmetic into them), [rel sym + disp], or a
 * frame slot (resolved to [rbp - off + disp] by frame.ts). `w` is the access size.
 */
export interface MemOp { k: 'mem'; w: Width; base?: number; index?: number; scale?: Scale; sym?: string; slot?: number; disp: number }
export type Scale = 1 | 2 | 4 | 8;
/** A symbol as a direct call target. */
export interface SymOp { k: 'sym'; name: string }
export type Operand = RegOp | ImmOp | MemOp | SymOp;

/** Conditions; p/np test the parity flag, which ucomiss/ucomisd set for an unordered (NaN) result. */
export type Cond = 'e' | 'ne' | 'l' | 'le' | 'g' | 'ge' | 'b' | 'be' | 'a' | 'ae' | 'p' | 'np' | 's' | 'ns';
export const NEG_COND: Record<Cond, Cond> = {
  e: 'ne', ne: 'e', l: 'ge', ge: 'l', le: 'g', g: 'le', b: 'ae', ae: 'b', be: 'a', a: 'be', p: 'np', np: 'p', s: 'ns', ns: 's',
};
/** The condition that holds for (b, a) when c holds for (a, b) (integer compares). */
export const SWAP_COND: Partial<Record<Cond, Cond>> = { e: 'e', ne: 'ne', l: 'g', g: 'l', le: 'ge', ge: 'le', b: 'a', a: 'b', be: 'ae', ae: 'be' };

export type Role = 'r' | 'w' | 'rw';
interface Form {
  /** Role of each explicit operand. */
  roles: Role[];
  /** Operand positions that may be memory (at most one memory operand per instruction). */
  mem: number[];
  uses?: number[];
  defs?: number[];
}

const alu: Form = { roles: ['rw', 'r'], mem: [0, 1] };
/** SSE scalar arithmetic and logic: register destination, register or memory source. */
const sse: Form = { roles: ['rw', 'r'], mem: [1] };
/** SSE conversions: written register destination, register or memory source. */
const cvt: Form = { roles: ['w', 'r'], mem: [1] };
const unary: Form = { roles: ['rw'], mem: [0] };
const none: Form = { roles: [], mem: [] };

export const FORMS = {
  mov: { roles: ['w', 'r'], mem: [0, 1] },
  /** `mov r32, r/m32`: the write zero-extends, so the destination must be a register. */
  mov32z: { roles: ['w', 'r'], mem: [1] },
  movzx: { roles: ['w', 'r'], mem: [1] },
  movsx: { roles: ['w', 'r'], mem: [1] },
  movsxd: { roles: ['w', 'r'], mem: [1] },
  lea: { roles: ['w', 'r'], mem: [] },
  add: alu, sub: alu, and: alu, or: alu, xor: alu,
  imul: { roles: ['rw', 'r'], mem: [1] },
  imul3: { roles: ['w', 'r', 'r'], mem: [1] },
  cmp: { roles: ['r', 'r'], mem: [0, 1] },
  test: { roles: ['r', 'r'], mem: [0] },
  neg: unary, not: unary,
  shl: { roles: ['rw', 'r'], mem: [0] }, shr: { roles: ['rw', 'r'], mem: [0] }, sar: { roles: ['rw', 'r'], mem: [0] },
  setcc: { roles: ['w'], mem: [0] },
  /** `xor r32, r32`: defines the register as zero without reading it. */
  zero: { roles: ['w'], mem: [] },
  cqo: { roles: [], mem: [], uses: [RAX], defs: [RDX] },
  cdq: { roles: [], mem: [], uses: [RAX], defs: [RDX] },
  idiv: { roles: ['r'], mem: [0], uses: [RAX, RDX], defs: [RAX, RDX] },
  div: { roles: ['r'], mem: [0], uses: [RAX, RDX], defs: [RAX, RDX] },
  /** One-operand `mul`/`imul`: rdx:rax = rax × the operand (unsigned / signed); division by constants uses the high half. */
  mul1: { roles: ['r'], mem: [0], uses: [RAX], defs: [RAX, RDX] },
  imul1: { roles: ['r'], mem: [0], uses: [RAX], defs: [RAX, RDX] },
  /** `cmovcc r, r/m` (condition in cc). */
  cmov: { roles: ['rw', 'r'], mem: [1] },
  /** Argument registers are listed per instruction in `uses`; all caller-saved registers (every xmm) are clobbered. */
  call: { roles: ['r'], mem: [0], defs: CALL_CLOBBERS },
  syscall: { roles: [], mem: [], defs: [RAX, RCX, R11] },
  push: { roles: ['r'], mem: [0] },
  pop: { roles: ['w'], mem: [] },
  in: { roles: ['w', 'r'], mem: [] },
  out: { roles: ['r', 'r'], mem: [] },
  /**
   * `jmp [table + index*8]`: an indirect jump through a jump table (a[0] holds
   * the table's address, a[1] the index); MInst.targets lists its rows' blocks.
   */
  jmptab: { roles: ['r', 'r'], mem: [] },
  jmp: none, jcc: none, ud2: none,
  // System and machine-intrinsic instructions (isel-machine.ts).
  hlt: none, cli: none, sti: none, pause: none, int3: none, swapgs: none, stac: none, clac: none,
  mfence: none, lfence: none, sfence: none, pushfq: none, popfq: none,
  /** `rep insb/insw/insd`: port in dx, destination in rdi, count in rcx. */
  rep_insb: { roles: [], mem: [], uses: [RDX, RDI, RCX], defs: [RDI, RCX] },
  rep_insw: { roles: [], mem: [], uses: [RDX, RDI, RCX], defs: [RDI, RCX] },
  rep_insd: { roles: [], mem: [], uses: [RDX, RDI, RCX], defs: [RDI, RCX] },
  /** `rep outsb/outsw/outsd`: port in dx, source in rsi, count in rcx. */
  rep_outsb: { roles: [], mem: [], uses: [RDX, RSI, RCX], defs: [RSI, RCX] },
  rep_outsw: { roles: [], mem: [], uses: [RDX, RSI, RCX], defs: [RSI, RCX] },
  rep_outsd: { roles: [], mem: [], uses: [RDX, RSI, RCX], defs: [RSI, RCX] },
  /** `mov r64, crN` (a[1] is the imm N) and `mov crN, r64` (a[0] is the imm N). */
  rdcr: { roles: ['w', 'r'], mem: [] },
  wrcr: { roles: ['r', 'r'], mem: [] },
  rdmsr: { roles: [], mem: [], uses: [RCX], defs: [RAX, RDX] },
  wrmsr: { roles: [], mem: [], uses: [RCX, RAX, RDX] },
  rdtsc: { roles: [], mem: [], defs: [RAX, RDX] },
  cpuid: { roles: [], mem: [], uses: [RAX, RCX], defs: [RAX, RBX, RCX, RDX] },
  /** lgdt/lidt [m] (a 10-byte pseudo-descriptor), invlpg [m]: always a memory operand. */
  lgdt: { roles: ['r'], mem: [0] }, lidt: { roles: ['r'], mem: [0] }, invlpg: { roles: ['r'], mem: [0] },
  ltr: { roles: ['r'], mem: [0] },
  /** Function return; frame.ts expands it into the epilogue. Uses rax when the function returns a value. */
  ret: none,
  // SSE2 scalar floating point. Operand widths 4/8 pick the ss/sd form in emit.ts.
  /** Float copy, load or store: movaps between registers, movss/movsd with memory. */
  fmov: { roles: ['w', 'r'], mem: [0, 1] },
  /** `xorps x, x`: defines x as +0.0 without reading it. */
  fzero: { roles: ['w'], mem: [] },
  fadd: sse, fsub: sse, fmul: sse, fdiv: sse,
  /** Bitwise xor with a 128-bit memory mask (sign flips). */
  xorps: sse,
  /** ucomiss/ucomisd: sets ZF, PF, CF (all three for unordered). */
  ucomi: { roles: ['r', 'r'], mem: [1] },
  /** cvtsi2ss/cvtsi2sd xmm, r/m32|64 (the integer operand's width picks the form). */
  cvtsi2f: cvt,
  /** cvttss2si/cvttsd2si r32|64, xmm/m (the source width picks ss/sd). */
  cvttf2si: cvt,
  /** cvtss2sd (to width 8) / cvtsd2ss (to width 4). */
  cvtf2f: cvt,
  /** sqrtss/sqrtsd: writes its first operand from the second. */
  fsqrt: cvt,
  /** movd (width 4) / movq (width 8) xmm ← general register or memory. */
  movgx: { roles: ['w', 'r'], mem: [1] },
  /** movd (width 4) / movq (width 8) general register or memory ← xmm. */
  movxg: { roles: ['w', 'r'], mem: [0] },
  /**
   * Inline asm (isel-asm.ts): its register operands (class operands, as
   * vregs) have per-instruction roles in MInst.roles; explicit input
   * registers are in `uses`, explicit outputs and clobbers in `defs`.
   */
  asm: { roles: [], mem: [] },
  /** Frame adjustments inserted by frame.ts (rsp arithmetic, never allocated). */
  addrsp: { roles: [], mem: [] }, subrsp: { roles: [], mem: [] },
} satisfies Record<string, Form>;

export type MOp = keyof typeof FORMS;

export interface MInst {
  op: MOp;
  a: Operand[];
  /** jcc/setcc condition. */
  cc?: Cond;
  /** jmp/jcc target block id. */
  target?: number;
  /** jmptab: the block id of each table row, and the table's .rodata label. */
  targets?: number[];
  table?: string;
  /** Extra fixed registers read (call/syscall arguments, rax for ret). */
  uses?: number[];
  /** asm: extra fixed registers written (explicit outputs, clobbers). */
  defs?: number[];
  /** asm: the role of each operand (instead of the form's). */
  roles?: Role[];
  /**
   * asm with an early output (`out`): its inputs stay live until its outputs
   * are written, so no output shares an input's register.
   */
  early?: boolean;
  /** asm: the template (`{N:m}` placeholders, ir/asm.ts) and where operand N is: a[k] or a fixed register. */
  asm?: { template: string; where: ({ a: number } | { r: number })[] };
  /** rsp adjustment in bytes for addrsp/subrsp. */
  n?: number;
  loc?: SourceLoc;
}

export interface MBlock {
  id: number;
  label: string;
  insts: MInst[];
  /** Loop nesting depth estimate, for spill costs. */
  depth: number;
}

export interface FrameSlot { size: number; align: number }

export interface MFunc {
  name: string;
  blocks: MBlock[]; // layout order; blocks[0] is the entry
  nextVreg: number;
  /** alloc slots from isel, spill slots appended by the allocator. */
  slots: FrameSlot[];
  loc?: SourceLoc;
  /** Filled in by frame.ts: the callee-saved registers pushed in the prologue. */
  saved?: number[];
  /** The virtual registers that are xmm registers (float values). */
  xmm: Set<number>;
  /** Read-only constants the function's code refers to (float constants, sign masks): label → data line. */
  consts: Map<string, { align: number; line: string }>;
}

/** Whether register r (physical or virtual) of f is an xmm register. */
export function isXmm(f: MFunc, r: number): boolean {
  return r < FIRST_VREG ? isXmmPhys(r) : f.xmm.has(r);
}

export const reg = (r: number, w: Width = 8): RegOp => ({ k: 'reg', r, w });

export function fitsImm32(v: bigint): boolean {
  return v >= -0x80000000n && v <= 0x7fffffffn;
}

/** Registers an instruction reads and writes, implicit ones included. */
export function usesDefs(mi: MInst): { uses: number[]; defs: number[] } {
  const f: Form = FORMS[mi.op];
  const uses: number[] = [...(f.uses ?? []), ...(mi.uses ?? [])];
  const defs: number[] = [...(f.defs ?? []), ...(mi.defs ?? [])];
  mi.a.forEach((o, i) => {
    if (o.k === 'mem') {
      if (o.base !== undefined) uses.push(o.base);
      if (o.index !== undefined) uses.push(o.index);
    } else if (o.k === 'reg') {
      const role = roleOf(mi, i);
      if (role !== 'w') uses.push(o.r);
      if (role !== 'r') defs.push(o.r);
    }
  });
  return { uses, defs };
}

export function roleOf(mi: MInst, i: number): Role {
  return (mi.roles ?? (FORMS[mi.op] as Form).roles)[i] ?? 'r';
}

export function memPositions(mi: MInst): number[] {
  return (FORMS[mi.op] as Form).mem;
}

/** The blocks an instruction may jump to. */
export function jumpTargets(mi: MInst): number[] {
  if (mi.op === 'jmptab') return mi.targets ?? [];
  return (mi.op === 'jmp' || mi.op === 'jcc') && mi.target !== undefined ? [mi.target] : [];
}

export function blockSuccessors(b: MBlock): number[] {
  const out: number[] = [];
  for (const mi of b.insts) for (const t of jumpTargets(mi)) if (!out.includes(t)) out.push(t);
  return out;
}

// ---- printing (for --emit mir and debugging) ----

/** NASM size keywords per access width. */
export const MEM_SIZE: Record<Width, string> = { 1: 'byte', 2: 'word', 4: 'dword', 8: 'qword', 16: 'oword' };

export function printOperand(o: Operand): string {
  switch (o.k) {
    case 'reg':
      return regName(o.r, o.w);
    case 'imm':
      return o.v.toString();
    case 'sym':
      return o.name;
    case 'mem': {
      const parts: string[] = [];
      if (o.sym !== undefined) parts.push(`rel ${o.sym}`);
      if (o.base !== undefined) parts.push(regName(o.base, 8));
      if (o.index !== undefined) parts.push(`${regName(o.index, 8)}*${o.scale ?? 1}`);
      if (o.slot !== undefined) parts.push(`slot${o.slot}`);
      if (o.disp !== 0 || parts.length === 0) parts.push(String(o.disp));
      return `${MEM_SIZE[o.w]} [${parts.join(' + ').replace('+ -', '- ')}]`;
    }
  }
}

export function printMInst(mi: MInst): string {
  let s: string = mi.op === 'jcc' || mi.op === 'setcc' ? mi.op.replace('cc', mi.cc ?? '?') : mi.op === 'cmov' ? `cmov${mi.cc ?? '?'}` : mi.op;
  if (mi.op === 'addrsp' || mi.op === 'subrsp') s += ` ${mi.n}`;
  const ops = mi.a.map(printOperand);
  if (mi.target !== undefined) ops.push(`.b${mi.target}`);
  if (mi.targets) ops.push(`${mi.table ?? '?'}[${mi.targets.map((t) => `.b${t}`).join(' ')}]`);
  if (mi.asm) ops.unshift(JSON.stringify(mi.asm.template));
  if (mi.uses?.length) ops.push(`{uses ${mi.uses.map((r) => regName(r, 8)).join(' ')}}`);
  if (mi.defs?.length) ops.push(`{defs ${mi.defs.map((r) => regName(r, 8)).join(' ')}}`);
  return ops.length ? `${s} ${ops.join(', ')}` : s;
}

export function printMFunc(f: MFunc): string {
  const lines = [`${f.name}:  ; ${f.slots.length} slots`];
  for (const b of f.blocks) {
    lines.push(`.b${b.id}:  ; ${b.label}${b.depth ? ` depth ${b.depth}` : ''}`);
    for (const mi of b.insts) lines.push('    ' + printMInst(mi));
  }
  return lines.join('\n');
}
