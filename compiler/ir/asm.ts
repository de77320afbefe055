// Inline assembly in the IR (docs/language.md §11): the `asm` instruction's
// description, the x86-64 register names it may use, the template's
// placeholder syntax, and the checks the verifier runs on asm and asmout.
//
// An `asm` instruction reads its inputs (the in and inout operands, in
// order) as its args. Its outputs (out, lateout and inout operands, in
// order) are: output 0 its dst, output k > 0 the dst of an
// `%y = asmout %x, k` that follows it directly (after any other asmouts).
// The template names operands by index: `{N}` (an xmm register) or `{N:m}`
// with m one of l, x, e, r (the 8-, 16-, 32- or 64-bit register name);
// `{{` and `}}` are literal braces.
import type { Block, Instr } from './ir.js';

export type AsmDir = 'in' | 'out' | 'lateout' | 'inout';
export type AsmOption = 'nomem' | 'readonly' | 'pure' | 'nostack' | 'preserves_flags' | 'noreturn';
export const ASM_OPTIONS: readonly AsmOption[] = ['nomem', 'readonly', 'pure', 'nostack', 'preserves_flags', 'noreturn'];

export interface AsmOperandSpec {
  dir: AsmDir;
  /** A class (`reg`, `xmm`) or a register's canonical name (`rax`, `xmm3`). */
  reg: string;
}

export interface AsmSpec {
  template: string;
  operands: AsmOperandSpec[];
  /** Canonical names of the registers the template overwrites. */
  clobbers: string[];
  options: AsmOption[];
}

export const isInput = (d: AsmDir): boolean => d === 'in' || d === 'inout';
export const isOutput = (d: AsmDir): boolean => d !== 'in';
export const isClass = (reg: string): boolean => reg === 'reg' || reg === 'xmm';

// Registers are numbered as the backend numbers them: 0–15 the general
// registers in encoding order, 16–31 xmm0–xmm15.
const GPR64 = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];
const GPR32 = ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'];
const GPR16 = ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di'];
const GPR8 = ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil'];
export const XMM_BASE = 16;

/** The register a name denotes at any width (`eax`, `r9d`, `dil` and `rax` are one register), or undefined. */
export function registerNumber(name: string): number | undefined {
  for (const names of [GPR64, GPR32, GPR16, GPR8]) {
    const k = names.indexOf(name);
    if (k >= 0) return k;
  }
  const m = /^r(\d+)([dwb]?)$/.exec(name) ?? /^xmm(\d+)$/.exec(name);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (name.startsWith('xmm')) return n < 16 && String(n) === m[1] ? XMM_BASE + n : undefined;
  return n >= 8 && n < 16 && String(n) === m[1] ? n : undefined;
}

/** The canonical name of register number r (`rax`, `xmm3`). */
export function canonicalName(r: number): string {
  return r >= XMM_BASE ? `xmm${r - XMM_BASE}` : GPR64[r];
}

/** Placeholder width modifiers (as Rust's x86 ones) and the access width each picks. */
export const MODIFIER_WIDTH: Record<string, 1 | 2 | 4 | 8> = { l: 1, x: 2, e: 4, r: 8 };

/** A piece of a template: literal text, or an operand with an optional width modifier. */
export type TemplatePiece = { text: string } | { operand: string; modifier?: string };

/** Splits a template into literal text and `{…}` placeholders; returns an error message for bad braces. */
export function splitTemplate(t: string): TemplatePiece[] | string {
  const out: TemplatePiece[] = [];
  let text = '';
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if ((c === '{' || c === '}') && t[i + 1] === c) {
      text += c;
      i++;
    } else if (c === '{') {
      const close = t.indexOf('}', i);
      if (close < 0) return `'{' at offset ${i} is not closed (write '{{' for a literal brace)`;
      const [operand, modifier] = t.slice(i + 1, close).trim().split(':');
      if (text) out.push({ text });
      text = '';
      out.push(modifier === undefined ? { operand } : { operand, modifier });
      i = close;
    } else if (c === '}') {
      return `'}' at offset ${i} has no '{' (write '}}' for a literal brace)`;
    } else {
      text += c;
    }
  }
  if (text) out.push({ text });
  return out;
}

/** Fills a normalised template's `{N:m}` placeholders with register names. */
export function fillTemplate(t: string, name: (operand: number, modifier: string | undefined) => string): string {
  const pieces = splitTemplate(t);
  if (typeof pieces === 'string') throw new Error(`internal: bad asm template: ${pieces}`);
  return pieces.map((p) => ('text' in p ? p.text : name(Number(p.operand), p.modifier))).join('');
}

/** The operand list as the IR text prints it: `[out reg, in rcx, clobber rdx, nomem]`. */
export function printAsmSpec(s: AsmSpec): string {
  const items = [...s.operands.map((o) => `${o.dir} ${o.reg}`), ...s.clobbers.map((r) => `clobber ${r}`), ...s.options];
  return `${JSON.stringify(s.template)} [${items.join(', ')}]`;
}

/** Checks the asm and asmout instructions of a block. */
export function verifyAsm(b: Block, err: (i: Instr, msg: string) => void): void {
  // asmouts follow their asm in increasing output order (dce may remove some).
  let last: { asm: Instr; prev: number; outs: number } | null = null;
  for (const i of b.instrs) {
    if (i.op === 'asmout') {
      const k = i.args[1];
      const n = k?.kind === 'const' ? Number(k.value) : -1;
      if (!last || i.args[0]?.kind !== 'temp' || i.args[0].id !== last.asm.dst?.id || n <= last.prev || n >= last.outs) {
        err(i, `an asmout must follow its asm (or an asmout of a lower output) and name one of its outputs`);
      } else last.prev = n;
      continue;
    }
    last = null;
    if (i.op !== 'asm') continue;
    const s = i.asm;
    if (!s) {
      err(i, 'an asm instruction needs its description');
      continue;
    }
    const ins = s.operands.filter((o) => isInput(o.dir)).length;
    const outs = s.operands.filter((o) => isOutput(o.dir)).length;
    if (i.args.length !== ins) err(i, `asm has ${ins} inputs but ${i.args.length} operands`);
    if ((outs > 0) !== (i.dst !== null)) err(i, outs > 0 ? 'asm with outputs needs a result' : 'asm without outputs has no result');
    for (const o of s.operands) if (!isClass(o.reg) && registerNumber(o.reg) === undefined) err(i, `unknown register '${o.reg}'`);
    if (outs > 1 && i.dst) last = { asm: i, prev: 0, outs };
  }
}
