// The NASM-subset reader: splits tskc's assembly text into sections of
// items (encoded instructions, jumps to labels, data, alignment, labels)
// and collects the symbol declarations (global with type and size, extern);
// for a -g build, the `%line` location of every item with bytes (dwarf.ts)
// and the labels nasm -g types as data objects. `%rep`/`%assign` are
// expanded first (preproc.ts). Anything outside the subset throws
// AsmUnsupported with the line.
import { AsmUnsupported, parseExpr, symName } from './expr.js';
import type { Expr } from './expr.js';
import { CC, encodeInst } from './inst.js';
import type { Enc } from './modrm.js';
import { parseOperand } from './operand.js';
import type { Op } from './operand.js';
import { expand } from './preproc.js';
import { O64 } from './sysinst.js';

export type Item =
  /**
   * `early`: bytes more in the first pass. nasm's first pass takes a label
   * not defined yet for an unknown absolute address, and `[rel label]` with
   * one is encoded with a SIB byte; the jumps over it are sized from those
   * first offsets (layout.ts), so the byte matters to the result.
   */
  | { k: 'enc'; enc: Enc; early?: number }
  /** A jump to a label: cc -1 is jmp; size decided in layout.ts. */
  | { k: 'jump'; cc: number; target: string; long: boolean }
  /** `got`: the padding layout gave it (read for nasm -g's object types). */
  | { k: 'align'; n: number; fill: number; got?: number }
  | { k: 'zero'; n: number }
  | { k: 'label'; name: string };

/**
 * An item that may have bytes, with the source location nasm gives it: the
 * last `%line`'s file and line, or before any, the .asm file ('') and the
 * line's own number. dwarf.ts turns these into the line table.
 */
export interface Output { section: SectionSrc; item: Item; file: string; line: number }

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
  /** Every item that may have bytes, in the order of the text (only when asked for: readSource's `lines`). */
  outputs: Output[];
  /**
   * Labels followed by data before the next label: nasm -g types such a
   * label (if nothing else typed it) as an object of the element size of the
   * first data after it that has bytes. The list holds the alignments with
   * a data fill up to the first other data (an alignment counts only if it
   * padded anything: elf.ts).
   */
  objects: Map<string, ObjectData[]>;
}

export interface ObjectData { size: number; align?: Item & { k: 'align' } }

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

/**
 * The encodings of instruction lines that name no symbol (`mov rax, [rbp-8]`),
 * by the line's text: such a line encodes the same wherever it is, and the
 * programs of an --each build (and the functions of one program) repeat
 * most of theirs. The encodings are shared by the items that use them, and
 * nothing writes to an item's bytes after reading (layout.ts copies them).
 */
const PLAIN = new Map<string, Enc>();
const PLAIN_LIMIT = 200_000;

/** An instruction's encoding to keep in PLAIN: no fixup, and no operand naming a symbol. */
function plain(ops: Op[], enc: Enc): boolean {
  return enc.fixes.length === 0 && ops.every((o) => o.k === 'reg' || (o.k === 'imm' ? o.e.terms.length === 0 : o.disp.terms.length === 0));
}

/** Reads `text`; `lines`: collect Source.outputs for DWARF line information. */
export function readSource(text: string, lines = false): Source {
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
  const outputs: Output[] = [];
  /** Labels defined and externals declared so far (nasm's first pass knows only these). */
  const known = new Set<string>();
  /** The location set by the last %line (null before the first). */
  let where: { file: string; line: number } | null = null;
  const objects = new Map<string, ObjectData[]>();
  const settled = new Set<string>();
  let lastLabel: string | null = null;
  const dataItem = (size: number, align?: Item & { k: 'align' }): void => {
    if (lastLabel === null || settled.has(lastLabel)) return;
    if (!objects.has(lastLabel)) objects.set(lastLabel, []);
    objects.get(lastLabel)!.push({ size, align });
    if (!align) settled.add(lastLabel);
  };
  const { lines: text1, from } = expand(text);
  let ln = 0;
  const push = (s: SectionSrc, item: Item): void => {
    s.items.push(item);
    if (lines) outputs.push({ section: s, item, file: where?.file ?? '', line: where?.line ?? from[ln] });
  };
  const here = (): SectionSrc => {
    if (!cur) throw new AsmUnsupported('code before a section directive');
    return cur;
  };
  for (ln = 0; ln < text1.length; ln++) {
    let line = text1[ln];
    const semi = line.indexOf(';');
    if (semi >= 0) line = line.slice(0, semi);
    if (line.startsWith('%line ')) {
      const m = /^%line\s+(\d+)\+0\s+(\S.*?)\s*$/.exec(line);
      if (!m) throw new AsmUnsupported(`line ${from[ln]} (${line}): %line other than N+0 FILE`);
      where = { file: m[2], line: Number(m[1]) };
      continue;
    }
    if (line.includes('"') || line.includes("'") || line.includes('`')) throw new AsmUnsupported(`a string at line ${from[ln]}`);
    line = line.trim();
    if (line === '') continue;
    try {
      const known1 = PLAIN.get(line);
      if (known1) {
        push(here(), { k: 'enc', enc: known1 });
        continue;
      }
      // Labels: `name:` (possibly followed by an instruction).
      const lm = /^([$.A-Za-z_?@][\w.$?@#~]*):\s*(.*)$/.exec(line);
      if (lm) {
        const raw = lm[1].startsWith('$') ? lm[1].slice(1) : lm[1];
        const name = symName(lm[1], local);
        if (!raw.startsWith('.')) scope = raw;
        here().items.push({ k: 'label', name });
        lastLabel = name;
        labels.push(name);
        known.add(name);
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
          known.add(symName(x.trim(), local));
          declared.push(symName(x.trim(), local));
          names.push(symName(x.trim(), local));
        }
        continue;
      }
      const s = here();
      if (mn === 'align' || mn === 'alignb') {
        const [n, fill] = splitOps(rest);
        if (fill !== undefined && fill !== 'db 0' && fill !== 'int3') throw new AsmUnsupported(`align ${rest}`);
        const k = Number(n);
        if (!(k > 0 && (k & (k - 1)) === 0)) throw new AsmUnsupported(`align ${rest}`);
        const item: Item & { k: 'align' } = mn === 'alignb' || s.nobits ? { k: 'align', n: k, fill: -1 } : { k: 'align', n: k, fill: fill === 'int3' ? 0xcc : fill ? 0 : 0x90 };
        if (item.fill === -1 || item.fill === 0) dataItem(1, item);
        push(s, item);
        if (k > s.align) s.align = k;
        continue;
      }
      if (mn in RES_SIZE) {
        dataItem(RES_SIZE[mn]);
        push(s, { k: 'zero', n: Number(parseExpr(rest, local).c) * RES_SIZE[mn] });
        continue;
      }
      if (mn === 'times') {
        const tm = /^(\d+)\s+db\s+0$/.exec(rest);
        if (!tm) throw new AsmUnsupported(`times ${rest}`);
        dataItem(1);
        push(s, { k: 'zero', n: Number(tm[1]) });
        continue;
      }
      if (mn in DATA_SIZE) {
        const size = DATA_SIZE[mn];
        dataItem(size);
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
        push(s, { k: 'enc', enc });
        continue;
      }
      if (mn.startsWith('%')) throw new AsmUnsupported(`preprocessor directive ${mn}`);
      if (mn === 'o64') {
        if (!O64[rest.toLowerCase()]) throw new AsmUnsupported(`o64 ${rest}`);
        push(s, { k: 'enc', enc: { bytes: [...O64[rest.toLowerCase()]], fixes: [] } });
        continue;
      }
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
        push(s, { k: 'jump', cc: jcc, target: e.terms[0].sym, long: false });
        continue;
      }
      if (mn === 'call' && ops.length === 1 && ops[0].k === 'imm') {
        push(s, { k: 'enc', enc: { bytes: [0xe8, 0, 0, 0, 0], fixes: [{ at: 1, size: 4, e: ops[0].e, pc: true, signed: true }] } });
        continue;
      }
      const enc = encodeInst(mn, ops);
      if (pfx !== null) enc.bytes.unshift(pfx), enc.fixes.forEach((f) => f.at++);
      if (lm === null && plain(ops, enc)) {
        if (PLAIN.size >= PLAIN_LIMIT) PLAIN.clear();
        PLAIN.set(line, enc);
      }
      const forward = ops.some((o) => o.k === 'mem' && o.base < 0 && o.index < 0 && o.seg === undefined && o.disp.terms.some((t) => !known.has(t.sym)));
      push(s, forward ? { k: 'enc', enc, early: 1 } : { k: 'enc', enc });
    } catch (e) {
      if (e instanceof AsmUnsupported) throw new AsmUnsupported(`line ${from[ln]} (${text1[ln].trim()}): ${e.message}`);
      throw e;
    }
  }
  return { sections, globals, externs, labels, names, declared, outputs, objects };
}
