// Operands of the NASM subset: general registers of every width, xmm and
// control registers, memory references `size [base + index*scale + disp]`
// or `[rel sym + disp]`, and immediates (constant or symbolic expressions).
import { AsmUnsupported, parseExpr } from './expr.js';
import type { Expr } from './expr.js';

/** `high`: ah, ch, dh or bh (numbers 4–7 without a REX prefix). */
export interface RegOp { k: 'reg'; r: number; w: 1 | 2 | 4 | 8 | 16; cls: 'gp' | 'xmm' | 'cr' | 'seg'; high?: boolean }
/**
 * A memory reference; no base and no index means rip-relative (tskc writes
 * `default rel`), except with an fs or gs override (`seg`: its prefix byte), which is absolute.
 */
export interface MemOp { k: 'mem'; w: number; base: number; index: number; scale: number; disp: Expr; seg?: number }
export interface ImmOp { k: 'imm'; e: Expr; w: number }
export type Op = RegOp | MemOp | ImmOp;

const REGS = new Map<string, RegOp>();
const GP: [number, string[]][] = [
  [8, ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi']],
  [4, ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi']],
  [2, ['ax', 'cx', 'dx', 'bx', 'sp', 'bp', 'si', 'di']],
  [1, ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil']],
];
for (const [w, names] of GP) names.forEach((n, r) => REGS.set(n, { k: 'reg', r, w: w as 1 | 2 | 4 | 8, cls: 'gp' }));
for (let r = 8; r < 16; r++) {
  REGS.set(`r${r}`, { k: 'reg', r, w: 8, cls: 'gp' });
  REGS.set(`r${r}d`, { k: 'reg', r, w: 4, cls: 'gp' });
  REGS.set(`r${r}w`, { k: 'reg', r, w: 2, cls: 'gp' });
  REGS.set(`r${r}b`, { k: 'reg', r, w: 1, cls: 'gp' });
}
['ah', 'ch', 'dh', 'bh'].forEach((n, i) => REGS.set(n, { k: 'reg', r: 4 + i, w: 1, cls: 'gp', high: true }));
for (let r = 0; r < 16; r++) REGS.set(`xmm${r}`, { k: 'reg', r, w: 16, cls: 'xmm' });
for (const r of [0, 2, 3, 4, 8]) REGS.set(`cr${r}`, { k: 'reg', r, w: 8, cls: 'cr' });
['es', 'cs', 'ss', 'ds', 'fs', 'gs'].forEach((n, r) => REGS.set(n, { k: 'reg', r, w: 2, cls: 'seg' }));

const SIZES: Record<string, number> = { byte: 1, word: 2, dword: 4, qword: 8, oword: 16 };

export function regOf(name: string): RegOp | undefined {
  return REGS.get(name.toLowerCase());
}

/** Parses one operand; `local` resolves `.label` names. */
export function parseOperand(text: string, local: (n: string) => string): Op {
  let s = text.trim();
  let w = 0;
  const m = /^(byte|word|dword|qword|oword)\s+(.*)$/i.exec(s);
  if (m) {
    w = SIZES[m[1].toLowerCase()];
    s = m[2].trim();
  }
  const reg = regOf(s);
  if (reg) {
    if (w) throw new AsmUnsupported(`a size on register '${text}'`);
    return reg;
  }
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new AsmUnsupported(`operand '${text}'`);
    return parseMem(s.slice(1, -1), w, local, text);
  }
  if (s.includes('[')) throw new AsmUnsupported(`operand '${text}'`);
  // A register this assembler does not encode (segment, control, debug, x87, MMX, AVX) would
  // otherwise read as a symbol's name: `mov rax, cs` must not become `mov rax, <address of cs>`.
  if (OTHER_REGS.test(s)) throw new AsmUnsupported(`register operand '${text}'`);
  return { k: 'imm', e: parseExpr(s, local), w };
}

/** Names of registers outside REGS, as whole words. */
const OTHER_REGS = /\b(?:[c-gs]s|cr\d+|dr\d+|st\d?|mm\d+|[yz]mm\d+|k[0-7]|tr\d+)\b/i;

function parseMem(inner: string, w: number, local: (n: string) => string, text: string): MemOp {
  let s = inner.trim();
  let seg: number | undefined;
  const sm0 = /^(fs|gs)\s*:\s*/i.exec(s);
  if (sm0) {
    seg = sm0[1].toLowerCase() === 'fs' ? 0x64 : 0x65;
    s = s.slice(sm0[0].length);
  }
  if (/^rel\s/i.test(s)) s = s.slice(4);
  else if (/^(abs|rel)\b|:/i.test(s)) throw new AsmUnsupported(`memory operand '${text}'`);
  let base = -1, index = -1, scale = 1;
  const rest: string[] = [];
  // Split into signed parts; registers (possibly scaled) come out, the rest is the displacement.
  for (const part of s.split(/(?=[+-])/)) {
    const p = part.trim();
    const sign = p.startsWith('-') ? '-' : '+';
    const body = p.replace(/^[+-]\s*/, '');
    const sm = /^(\w+)\s*\*\s*(\d+)$/.exec(body) ?? /^(\d+)\s*\*\s*(\w+)$/.exec(body);
    const r = regOf(sm ? (regOf(sm[1]) ? sm[1] : sm[2]) : body);
    if (r && r.cls === 'gp' && r.w === 8) {
      if (sign === '-') throw new AsmUnsupported(`memory operand '${text}'`);
      const k = sm ? Number(regOf(sm[1]) ? sm[2] : sm[1]) : 1;
      if (sm && index < 0 && [1, 2, 4, 8].includes(k)) {
        index = r.r;
        scale = k;
      } else if (!sm && base < 0) base = r.r;
      else if (!sm && index < 0) index = r.r;
      else throw new AsmUnsupported(`memory operand '${text}'`);
      continue;
    }
    if (r || /\*/.test(body)) throw new AsmUnsupported(`memory operand '${text}'`);
    rest.push(`${sign} ${body}`);
  }
  const disp = rest.length ? parseExpr(rest.join(' '), local) : { c: 0n, terms: [] };
  return { k: 'mem', w, base, index, scale, disp, seg };
}
