// The NASM-subset reader: splits tskc's assembly text into sections of
// items (encoded instructions, jumps to labels, data, alignment, labels)
// and collects the symbol declarations (global with type and size, extern).
// Anything outside the subset throws AsmUnsupported with the line.
import { AsmUnsupported, parseExpr, symName } from './expr.js';
import type { Expr } from './expr.js';
import { CC, encodeInst } from './inst.js';
import type { Enc } from './modrm.js';
import { parseOperand } from './operand.js';
import type { Op } from './operand.js';

export type Item =
  | { k: 'enc'; enc: Enc }
  /** A jump to a label: cc -1 is jmp; size decided in layout.ts. */
  | { k: 'jump'; cc: number; target: string; long: boolean }
  | { k: 'align'; n: number; fill: number }
  | { k: 'zero'; n: number }
  | { k: 'label'; name: string };

export interface SectionSrc {
  name: string;
  nobits: boolean;
  flags: number;
  align: number;
  items: Item[];
}

export interface GlobalDecl { kind: 'function' | 'data' | 'none'; size?: Expr }

export interface Source {
  sections: SectionSrc[];
  globals: Map<string, GlobalDecl>;
  externs: string[];
  /** Every label, in the order the text defines them (the symbol table's order). */
  labels: string[];
  /** Labels and externals in order of definition or declaration (the string table's order). */
  names: string[];
  /** Globals and externals in the order of their first `global` or `extern` line (the global symbols' order). */
  declared: string[];
}

const SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXEC = 4;

function sectionFrom(words: string[]): SectionSrc {
  const name = words[0];
  let nobits = name === '.bss', flags = SHF_ALLOC, align = 1;
  if (name === '.text') flags |= SHF_EXEC;
  if (name === '.data' || name === '.bss') flags |= SHF_WRITE;
  for (const w of words.slice(1)) {
    if (w === 'progbits') nobits = false;
    else if (w === 'nobits') nobits = true;
    else if (w === 'alloc') flags |= SHF_ALLOC;
    else if (w === 'noalloc') flags &= ~SHF_ALLOC;
    else if (w === 'exec') flags |= SHF_EXEC;
    else if (w === 'noexec') flags &= ~SHF_EXEC;
    else if (w === 'write') flags |= SHF_WRITE;
    else if (w === 'nowrite') flags &= ~SHF_WRITE;
    else if (w.startsWith('align=')) align = Number(w.slice(6));
    else throw new AsmUnsupported(`section attribute '${w}'`);
  }
  return { name, nobits, flags, align, items: [] };
}

/** Splits operands at top-level commas. */
function splitOps(s: string): string[] {
  const out: string[] = [];
  let depth = 0, start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '[' || ch === '(') depth++;
    else if (ch === ']' || ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}

const DATA_SIZE: Record<string, 1 | 2 | 4 | 8> = { db: 1, dw: 2, dd: 4, dq: 8 };
const RES_SIZE: Record<string, number> = { resb: 1, resw: 2, resd: 4, resq: 8 };
const PREFIX: Record<string, number> = { rep: 0xf3, repe: 0xf3, repz: 0xf3, repne: 0xf2, lock: 0xf0 };

export function readSource(text: string): Source {
  const sections: SectionSrc[] = [];
  const byName = new Map<string, SectionSrc>();
  const globals = new Map<string, GlobalDecl>();
  const externs: string[] = [];
  const labels: string[] = [];
  const names: string[] = [];
  const declared: string[] = [];
  let cur: SectionSrc | null = null;
  let scope = '';
  const local = (n: string): string => scope + n;
  const lines = text.split('\n');
  const here = (): SectionSrc => {
    if (!cur) throw new AsmUnsupported('code before a section directive');
    return cur;
  };
  for (let ln = 0; ln < lines.length; ln++) {
    let line = lines[ln];
    const semi = line.indexOf(';');
    if (semi >= 0) line = line.slice(0, semi);
    if (line.includes('"') || line.includes("'") || line.includes('`')) throw new AsmUnsupported(`a string at line ${ln + 1}`);
    line = line.trim();
    if (line === '') continue;
    try {
      // Labels: `name:` (possibly followed by an instruction).
      const lm = /^([$.A-Za-z_?@][\w.$?@#~]*):\s*(.*)$/.exec(line);
      if (lm) {
        const raw = lm[1].startsWith('$') ? lm[1].slice(1) : lm[1];
        const name = symName(lm[1], local);
        if (!raw.startsWith('.')) scope = raw;
        here().items.push({ k: 'label', name });
        labels.push(name);
        names.push(name);
        line = lm[2];
        if (line === '') continue;
      }
      const sp = line.search(/\s/);
      let mn = (sp < 0 ? line : line.slice(0, sp)).toLowerCase();
      let rest = sp < 0 ? '' : line.slice(sp + 1).trim();
      if (mn === 'section' || mn === 'segment') {
        const words = rest.split(/\s+/);
        const old = byName.get(words[0]);
        cur = old ?? sectionFrom(words);
        if (!old) {
          sections.push(cur);
          byName.set(cur.name, cur);
        }
        continue;
      }
      if (mn === 'bits') {
        if (rest !== '64') throw new AsmUnsupported(`bits ${rest}`);
        continue;
      }
      if (mn === 'default') {
        if (rest !== 'rel') throw new AsmUnsupported(`default ${rest}`);
        continue;
      }
      if (mn === 'global') {
        const gm = /^(\S+?)(?::(function|data)\s*(.*))?$/.exec(rest);
        if (!gm || rest.includes(',')) throw new AsmUnsupported(`global ${rest}`);
        declared.push(symName(gm[1], local));
        globals.set(symName(gm[1], local), { kind: (gm[2] as 'function' | 'data') ?? 'none', size: gm[3] ? parseExpr(gm[3], local) : undefined });
        continue;
      }
      if (mn === 'extern') {
        for (const x of rest.split(',')) {
          externs.push(symName(x.trim(), local));
          declared.push(symName(x.trim(), local));
          names.push(symName(x.trim(), local));
        }
        continue;
      }
      const s = here();
      if (mn === 'align' || mn === 'alignb') {
        const [n, fill] = splitOps(rest);
        if (fill !== undefined && fill !== 'db 0') throw new AsmUnsupported(`align ${rest}`);
        const k = Number(n);
        if (!(k > 0 && (k & (k - 1)) === 0)) throw new AsmUnsupported(`align ${rest}`);
        s.items.push(mn === 'alignb' || s.nobits ? { k: 'align', n: k, fill: -1 } : { k: 'align', n: k, fill: fill ? 0 : 0x90 });
        if (k > s.align) s.align = k;
        continue;
      }
      if (mn in RES_SIZE) {
        s.items.push({ k: 'zero', n: Number(parseExpr(rest, local).c) * RES_SIZE[mn] });
        continue;
      }
      if (mn === 'times') {
        const tm = /^(\d+)\s+db\s+0$/.exec(rest);
        if (!tm) throw new AsmUnsupported(`times ${rest}`);
        s.items.push({ k: 'zero', n: Number(tm[1]) });
        continue;
      }
      if (mn in DATA_SIZE) {
        const size = DATA_SIZE[mn];
        const enc: Enc = { bytes: [], fixes: [] };
        for (const v of splitOps(rest)) {
          const e = parseExpr(v, local);
          if (e.terms.length === 0) {
            let x = BigInt.asUintN(size * 8, e.c);
            for (let i = 0; i < size; i++, x >>= 8n) enc.bytes.push(Number(x & 0xffn));
          } else {
            enc.fixes.push({ at: enc.bytes.length, size, e, pc: false, signed: false });
            for (let i = 0; i < size; i++) enc.bytes.push(0);
          }
        }
        s.items.push({ k: 'enc', enc });
        continue;
      }
      if (mn.startsWith('%')) throw new AsmUnsupported(`preprocessor directive ${mn}`);
      let pfx: number | null = null;
      if (mn in PREFIX) {
        pfx = PREFIX[mn];
        const sp2 = rest.search(/\s|$/);
        mn = rest.slice(0, sp2).toLowerCase();
        rest = rest.slice(sp2).trim();
      }
      const ops: Op[] = rest === '' ? [] : splitOps(rest).map((o) => parseOperand(o, local));
      const jcc = mn === 'jmp' ? -1 : mn.startsWith('j') ? CC[mn.slice(1)] : undefined;
      if (jcc !== undefined && ops.length === 1 && ops[0].k === 'imm' && pfx === null) {
        const e = ops[0].e;
        if (e.c !== 0n || e.terms.length !== 1 || e.terms[0].sign !== 1) throw new AsmUnsupported(`jump to '${rest}'`);
        s.items.push({ k: 'jump', cc: jcc, target: e.terms[0].sym, long: false });
        continue;
      }
      if (mn === 'call' && ops.length === 1 && ops[0].k === 'imm') {
        s.items.push({ k: 'enc', enc: { bytes: [0xe8, 0, 0, 0, 0], fixes: [{ at: 1, size: 4, e: ops[0].e, pc: true, signed: true }] } });
        continue;
      }
      const enc = encodeInst(mn, ops);
      if (pfx !== null) enc.bytes.unshift(pfx), enc.fixes.forEach((f) => f.at++);
      s.items.push({ k: 'enc', enc });
    } catch (e) {
      if (e instanceof AsmUnsupported) throw new AsmUnsupported(`line ${ln + 1} (${lines[ln].trim()}): ${e.message}`);
      throw e;
    }
  }
  return { sections, globals, externs, labels, names, declared };
}
