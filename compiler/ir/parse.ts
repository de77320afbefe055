// A parser for the IR's text form: exactly what print.ts prints, so tests
// and tools can be written in IR text. parse(print(m)) gives back a module
// that prints identically. Temps are `%hint.N`/`%.N` (N is the identity),
// blocks `@label.N`, symbols `$name`; errors carry the line number.
import { isOp, opInfo } from './ops.js';
import type { Cls, FloatCls, Op } from './ops.js';
import { fconst, fconstBits } from './ir.js';
import type { Block, Const, Data, DataItem, Func, Instr, Module, Section, Temp, Terminator, Value } from './ir.js';
import { CANONICAL_NAN } from './print.js';
import { ASM_OPTIONS } from './asm.js';
import type { AsmDir, AsmOption, AsmSpec } from './asm.js';

export class IrParseError extends Error {
  constructor(readonly line: number, message: string) {
    super(`IR line ${line}: ${message}`);
    this.name = 'IrParseError';
  }
}

type Tok =
  | { k: 'word'; s: string } // identifiers, keywords, ops, numbers
  | { k: 'temp'; hint: string; id: number }
  | { k: 'sym'; s: string }
  | { k: 'block'; label: string; id: number }
  | { k: 'str'; s: string }
  | { k: 'punct'; s: string };

const PUNCT = '=,(){}[]';
const isWordChar = (c: string): boolean => !/\s/.test(c) && !PUNCT.includes(c) && c !== '"';

function splitDotted(body: string, line: number, what: string): [string, number] {
  const m = /^(.*)\.(\d+)$/s.exec(body);
  if (!m) throw new IrParseError(line, `${what} '${body}' needs a '.N' number suffix`);
  return [m[1], Number(m[2])];
}

function tokenize(text: string, line: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (PUNCT.includes(c)) {
      toks.push({ k: 'punct', s: c });
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new IrParseError(line, 'unterminated string');
      try {
        toks.push({ k: 'str', s: JSON.parse(text.slice(i, j + 1)) as string });
      } catch {
        throw new IrParseError(line, `bad string literal ${text.slice(i, j + 1)}`);
      }
      i = j + 1;
    } else {
      let j = i + 1;
      while (j < text.length && isWordChar(text[j])) j++;
      const w = text.slice(i, j);
      const body = w.slice(1);
      if (c === '%') {
        const [hint, id] = splitDotted(body, line, 'temporary');
        toks.push({ k: 'temp', hint, id });
      } else if (c === '@') {
        const [label, id] = splitDotted(body, line, 'block reference');
        toks.push({ k: 'block', label, id });
      } else if (c === '$') {
        if (!body) throw new IrParseError(line, "empty symbol name after '$'");
        toks.push({ k: 'sym', s: body });
      } else {
        toks.push({ k: 'word', s: w });
      }
      i = j;
    }
  }
  return toks;
}

/** A cursor over one line's tokens. */
class Line {
  private pos = 0;
  constructor(readonly no: number, readonly toks: Tok[]) {}
  fail(msg: string): never {
    throw new IrParseError(this.no, msg);
  }
  peek(): Tok | undefined {
    return this.toks[this.pos];
  }
  next(what: string): Tok {
    const t = this.toks[this.pos++];
    if (!t) this.fail(`expected ${what} at the end of the line`);
    return t;
  }
  isWord(s: string): boolean {
    const t = this.peek();
    return t?.k === 'word' && t.s === s;
  }
  isPunct(s: string): boolean {
    const t = this.peek();
    return t?.k === 'punct' && t.s === s;
  }
  word(what: string): string {
    const t = this.next(what);
    if (t.k !== 'word') this.fail(`expected ${what}`);
    return t.s;
  }
  punct(s: string): void {
    const t = this.next(`'${s}'`);
    if (t.k !== 'punct' || t.s !== s) this.fail(`expected '${s}'`);
  }
  sym(what: string): string {
    const t = this.next(what);
    if (t.k !== 'sym') this.fail(`expected ${what} ($name)`);
    return t.s;
  }
  end(): void {
    if (this.pos < this.toks.length) this.fail('unexpected text at the end of the line');
  }
  done(): boolean {
    return this.pos >= this.toks.length;
  }
}

function cls(l: Line, s: string): Cls {
  if (s !== 'w' && s !== 'l' && s !== 's' && s !== 'd') l.fail(`expected a class (w, l, s or d), found '${s}'`);
  return s;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A float constant `s_TEXT` / `d_TEXT` (see print.ts): a decimal (read as
 * the nearest double, then for s rounded to f32), inf, -inf, nan, or a raw
 * bit pattern 0xHEX.
 */
function floatConst(l: Line, w: string): Const {
  const c = w[0] as FloatCls;
  const body = w.slice(2);
  const width = c === 'd' ? 64 : 32;
  if (/^0x[0-9a-f]+$/i.test(body)) {
    const bits = BigInt(body);
    if (bits >> BigInt(width) !== 0n) l.fail(`float bit pattern '${w}' is wider than ${width} bits`);
    return fconstBits(bits, c);
  }
  if (body === 'nan') return fconstBits(CANONICAL_NAN[c], c);
  if (body === 'inf' || body === '+inf') return fconst(Infinity, c);
  if (body === '-inf') return fconst(-Infinity, c);
  if (!DECIMAL.test(body)) l.fail(`bad float constant '${w}'`);
  return fconst(Number(body), c);
}

function integer(l: Line, s: string): bigint {
  if (!/^-?\d+$/.test(s)) l.fail(`expected an integer, found '${s}'`);
  return BigInt(s);
}

/** Per-function state: temps and blocks by number, created on first mention. */
class FuncScope {
  readonly temps = new Map<number, Temp>();
  readonly defined = new Set<number>();
  readonly blocks = new Map<number, { block: Block; line: number; defined: boolean }>();

  temp(l: Line, hint: string, id: number, defCls?: Cls): Temp {
    let t = this.temps.get(id);
    if (!t) {
      t = { kind: 'temp', id, cls: defCls ?? 'w', ...(hint ? { hint } : {}) };
      this.temps.set(id, t);
    }
    if (defCls) {
      if (this.defined.has(id)) l.fail(`%.${id} is defined twice`);
      this.defined.add(id);
      t.cls = defCls;
      if (hint) t.hint = hint;
      else delete t.hint;
    }
    return t;
  }

  block(l: Line, label: string, id: number): Block {
    let e = this.blocks.get(id);
    if (!e) {
      const block: Block = { id, label, phis: [], instrs: [], term: { kind: 'unreachable' } };
      e = { block, line: l.no, defined: false };
      this.blocks.set(id, e);
    }
    return e.block;
  }
}

function value(l: Line, sc: FuncScope): Value {
  const t = l.next('a value');
  if (t.k === 'temp') return sc.temp(l, t.hint, t.id);
  if (t.k === 'sym') return { kind: 'sym', name: t.s };
  if (t.k === 'word' && /^[sd]_/.test(t.s)) return floatConst(l, t.s);
  if (t.k === 'word') return { kind: 'const', value: integer(l, t.s) };
  return l.fail('expected a value (%temp, $symbol, integer or s_/d_ float)');
}

function blockRef(l: Line, sc: FuncScope): Block {
  const t = l.next('a block reference');
  if (t.k !== 'block') l.fail('expected a block reference (@label.N)');
  return sc.block(l, t.label, t.id);
}

function valueList(l: Line, sc: FuncScope, close: string | null): Value[] {
  const out: Value[] = [];
  if (close && l.isPunct(close)) return out;
  if (!close && l.done()) return out;
  for (;;) {
    out.push(value(l, sc));
    if (!l.isPunct(',')) return out;
    l.punct(',');
  }
}

function parseOpName(l: Line, name: string): { op: Op; argCls?: Cls } {
  if (isOp(name) && !opInfo(name).compare) return { op: name };
  if (isOp(name)) return { op: name }; // a comparison without its class (the verifier reports it)
  const base = name.slice(0, -1);
  const suffix = name.slice(-1);
  if (isOp(base) && opInfo(base).compare && 'wlsd'.includes(suffix)) return { op: base, argCls: suffix as Cls };
  return l.fail(`unknown op '${name}'`);
}

function parseTerm(l: Line, sc: FuncScope, kw: string): Terminator {
  switch (kw) {
    case 'jmp':
      return { kind: 'jmp', target: blockRef(l, sc) };
    case 'jnz': {
      const cond = value(l, sc);
      l.punct(',');
      const ifTrue = blockRef(l, sc);
      l.punct(',');
      return { kind: 'jnz', cond, ifTrue, ifFalse: blockRef(l, sc) };
    }
    case 'switch': {
      const c = cls(l, l.word('the switch class (w or l)'));
      if (c !== 'w' && c !== 'l') l.fail(`a switch is on a w or l value, not ${c}`);
      const v = value(l, sc);
      l.punct(',');
      const dflt = blockRef(l, sc);
      l.punct(',');
      l.punct('[');
      const cases = [];
      while (!l.isPunct(']')) {
        const k = integer(l, l.word('a case value'));
        cases.push({ value: k, target: blockRef(l, sc) });
        if (l.isPunct(',')) l.punct(',');
        else break;
      }
      l.punct(']');
      return { kind: 'switch', cls: c, value: v, cases, default: dflt };
    }
    case 'ret':
      return { kind: 'ret', value: l.done() ? null : value(l, sc) };
    default:
      return { kind: 'unreachable' };
  }
}

const TERMS = new Set(['jmp', 'jnz', 'switch', 'ret', 'unreachable']);

/** Parses one instruction line (not a phi, not a terminator). */
function parseInstr(l: Line, sc: FuncScope): Instr {
  let dst: Temp | null = null;
  let c: Cls | null = null;
  const first = l.peek();
  if (first?.k === 'temp') {
    l.next('temp');
    l.punct('=');
    c = cls(l, l.word('a class'));
    dst = sc.temp(l, first.hint, first.id, c);
  }
  let volatile = false;
  if (l.isWord('volatile')) {
    l.next('volatile');
    volatile = true;
  }
  const invariant = l.isWord('invariant');
  if (invariant) l.next('invariant');
  const tag = l.peek();
  const alias = tag?.k === 'word' && tag.s.startsWith('alias:') ? tag.s.slice('alias:'.length) : undefined;
  if (alias !== undefined) l.next('an alias class');
  const name = l.word('an op');
  if (name === 'call') {
    const callee = value(l, sc);
    l.punct('(');
    const args = valueList(l, sc, ')');
    l.punct(')');
    l.end();
    return { op: 'call', cls: c ?? 'w', dst, args, callee, ...(volatile ? { volatile } : {}) };
  }
  if (name === 'asm') {
    const asm = parseAsmSpec(l);
    const args = valueList(l, sc, null);
    l.end();
    return { op: 'asm', cls: c ?? 'l', dst, args, asm };
  }
  const { op, argCls } = parseOpName(l, name);
  const args = valueList(l, sc, null);
  l.end();
  // Stores and effects print no class; it is the class of the value operand.
  if (!c) {
    const want = opInfo(op).args[0];
    c = want === 'w' || want === 'l' || want === 's' || want === 'd' ? want : 'w';
  }
  const i: Instr = { op, cls: c, dst, args };
  if (argCls) i.argCls = argCls;
  if (volatile) i.volatile = true;
  if (invariant) i.invariant = true;
  if (alias) i.alias = alias;
  return i;
}

/** `"template" [out reg, in rcx, clobber rdx, nomem]` after `asm` (see asm.ts). */
function parseAsmSpec(l: Line): AsmSpec {
  const t = l.next('the asm template');
  if (t.k !== 'str') l.fail('expected the asm template as a string');
  const spec: AsmSpec = { template: t.s, operands: [], clobbers: [], options: [] };
  l.punct('[');
  while (!l.isPunct(']')) {
    const w = l.word('an asm operand, clobber or option');
    if (w === 'in' || w === 'out' || w === 'lateout' || w === 'inout') spec.operands.push({ dir: w as AsmDir, reg: l.word('a register') });
    else if (w === 'clobber') spec.clobbers.push(l.word('a register'));
    else if ((ASM_OPTIONS as string[]).includes(w)) spec.options.push(w as AsmOption);
    else l.fail(`unknown asm item '${w}'`);
    if (l.isPunct(',')) l.punct(',');
    else break;
  }
  l.punct(']');
  return spec;
}

function parseFuncHeader(l: Line, exported: boolean, naked: boolean): { f: Func; sc: FuncScope } {
  let ret: Cls | null = null;
  let t = l.next('a return class or $name');
  if (t.k === 'word') {
    ret = cls(l, t.s);
    t = l.next('$name');
  }
  if (t.k !== 'sym') l.fail('expected the function name ($name)');
  const f: Func = { name: t.s, params: [], ret, blocks: [], exported, nextTemp: 0, nextBlock: 0, ...(naked ? { naked } : {}) };
  const sc = new FuncScope();
  l.punct('(');
  while (!l.isPunct(')')) {
    const pc = cls(l, l.word('a parameter class'));
    const p = l.next('a parameter');
    if (p.k !== 'temp') l.fail('expected a parameter temporary');
    f.params.push(sc.temp(l, p.hint, p.id, pc));
    if (l.isPunct(',')) l.punct(',');
    else break;
  }
  l.punct(')');
  l.punct('{');
  l.end();
  return { f, sc };
}

function finishFunc(f: Func, sc: FuncScope, endLine: number): void {
  for (const [id, e] of sc.blocks) {
    if (!e.defined) throw new IrParseError(e.line, `block @${e.block.label}.${id} is referenced but never defined`);
  }
  let maxTemp = -1;
  for (const id of sc.temps.keys()) maxTemp = Math.max(maxTemp, id);
  let maxBlock = -1;
  for (const id of sc.blocks.keys()) maxBlock = Math.max(maxBlock, id);
  f.nextTemp = maxTemp + 1;
  f.nextBlock = maxBlock + 1;
  if (f.blocks.length === 0) throw new IrParseError(endLine, `function $${f.name} has no blocks`);
}

function parseData(l: Line, exported: boolean): Data {
  const name = l.sym('the data name');
  l.punct('=');
  const section = l.word('a section');
  if (section !== 'rodata' && section !== 'data' && section !== 'bss') l.fail(`unknown section '${section}'`);
  if (l.word("'align'") !== 'align') l.fail("expected 'align'");
  const align = Number(integer(l, l.word('the alignment')));
  l.punct('{');
  const items: DataItem[] = [];
  while (!l.isPunct('}')) {
    const kind = l.word('a data item kind (b, h, w, l, z)');
    const sizes: Record<string, 1 | 2 | 4 | 8> = { b: 1, h: 2, w: 4, l: 8 };
    const t = l.next('a data item');
    if (kind === 'z' && t.k === 'word') items.push({ kind: 'zero', size: Number(integer(l, t.s)) });
    else if (kind === 'b' && t.k === 'str') items.push({ kind: 'bytes', bytes: new TextEncoder().encode(t.s) });
    else if (kind === 'l' && t.k === 'sym') items.push({ kind: 'addr', sym: t.s });
    else if (sizes[kind] && t.k === 'word') items.push({ kind: 'int', size: sizes[kind], value: integer(l, t.s) });
    else l.fail(`bad data item starting with '${kind}'`);
    if (l.isPunct(',')) l.punct(',');
    else break;
  }
  l.punct('}');
  l.end();
  return { name, section: section as Section, align, items, exported };
}

export function parseModule(text: string): Module {
  const m: Module = { funcs: [], data: [], init: 'main' };
  let cur: { f: Func; sc: FuncScope; block: Block | null } | null = null;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    if (/^\s*#/.test(lines[n])) continue; // a comment line
    const toks = tokenize(lines[n], n + 1);
    if (toks.length === 0) continue;
    const l = new Line(n + 1, toks);
    if (!cur) {
      const exported = l.isWord('export');
      if (exported) l.next('export');
      const naked = l.isWord('naked');
      if (naked) l.next('naked');
      const noinline = l.isWord('noinline');
      if (noinline) l.next('noinline');
      const kw = l.word("'function', 'data' or 'init'");
      if (kw === 'init' && !exported) {
        m.init = l.sym('the init function');
        l.end();
      } else if (kw === 'data') {
        m.data.push(parseData(l, exported));
      } else if (kw === 'function') {
        const { f, sc } = parseFuncHeader(l, exported, naked);
        if (noinline) f.noinline = true;
        cur = { f, sc, block: null };
      } else {
        l.fail(`expected 'function', 'data' or 'init', found '${kw}'`);
      }
      continue;
    }
    const { f, sc } = cur;
    const first = toks[0];
    if (first.k === 'punct' && first.s === '}') {
      l.next('}');
      l.end();
      if (cur.block) l.fail(`block @${cur.block.label}.${cur.block.id} has no terminator`);
      finishFunc(f, sc, n + 1);
      m.funcs.push(f);
      cur = null;
    } else if (first.k === 'block' && toks.length === 1) {
      if (cur.block) l.fail(`block @${cur.block.label}.${cur.block.id} has no terminator`);
      const b = sc.block(l, first.label, first.id);
      const e = sc.blocks.get(first.id)!;
      if (e.defined) l.fail(`block @${first.label}.${first.id} is defined twice`);
      e.defined = true;
      b.label = first.label;
      f.blocks.push(b);
      cur.block = b;
    } else {
      const b = cur.block ?? l.fail('an instruction outside a block (a block starts with @label.N)');
      if (first.k === 'word' && TERMS.has(first.s)) {
        l.next('terminator');
        b.term = parseTerm(l, sc, first.s);
        l.end();
        cur.block = null;
      } else if (first.k === 'temp' && toks[3]?.k === 'word' && toks[3].s === 'phi') {
        l.next('temp');
        l.punct('=');
        const c = cls(l, l.word('a class'));
        l.word('phi');
        const dst = sc.temp(l, first.hint, first.id, c);
        const args = [];
        while (!l.done()) {
          const pred = blockRef(l, sc);
          args.push({ pred, value: value(l, sc) });
          if (l.isPunct(',')) l.punct(',');
          else break;
        }
        l.end();
        if (b.instrs.length > 0) l.fail('a phi after an instruction (phis come first in a block)');
        b.phis.push({ dst, args });
      } else {
        b.instrs.push(parseInstr(l, sc));
      }
    }
  }
  if (cur) throw new IrParseError(lines.length, `function $${cur.f.name} is not closed with '}'`);
  return m;
}
