// Layout: gives every item its offset, sizes the jumps to labels the way
// NASM's multi-pass optimiser ends up (each jump short, EB/7x rel8, unless
// its target is out of byte range, in another section or undefined here,
// then near: E9/0F 8x rel32), starting from all short and growing until no
// jump changes; then writes each section's bytes and resolves the fixups to
// constants or relocations against a section symbol or an external symbol.
import { AsmUnsupported } from './expr.js';
import type { Expr } from './expr.js';
import type { Item, SectionSrc, Source } from './source.js';

export interface Reloc { offset: number; type: number; sym: { section: number } | { extern: string }; addend: bigint }
export interface SectionOut { src: SectionSrc; size: number; bytes: Uint8Array | null; relocs: Reloc[] }
export interface Layout {
  sections: SectionOut[];
  labels: Map<string, { section: number; offset: number }>;
  /** Each item's offset and size (for dwarf.ts; only with `place`). */
  placed: Map<Item, [number, number]>;
}

/** Passes after which layout gives up on jumps whose sizes keep changing (nasm then assembles the file). */
const MAX_PASSES = 1000;

const FIXED = 0, LABEL = 1, JUMP = 2, ALIGN = 3;

export const R_X86_64_64 = 1, R_X86_64_PC32 = 2, R_X86_64_32 = 10, R_X86_64_32S = 11;

function itemSize(it: Item, off: number, first = false): number {
  switch (it.k) {
    case 'enc': return it.enc.bytes.length + (first ? it.early ?? 0 : 0);
    case 'jump': return it.long ? (it.cc < 0 ? 5 : 6) : 2;
    case 'align': return (it.n - (off % it.n)) % it.n;
    case 'zero': return it.n;
    case 'label': return 0;
  }
}

/** Lays `src` out; `place`: record every item's offset and size in Layout.placed. */
export function layout(src: Source, place = false): Layout {
  const placed = new Map<Item, [number, number]>();
  const labels = new Map<string, { section: number; offset: number }>();
  // Label sections are fixed; a jump to another section's label or an undefined one is near from the start.
  src.sections.forEach((s, si) => {
    for (const it of s.items) {
      if (it.k !== 'label') continue;
      if (labels.has(it.name)) throw new AsmUnsupported(`label '${it.name}' defined twice`);
      labels.set(it.name, { section: si, offset: 0 });
    }
  });
  const sizes = src.sections.map(() => 0);
  src.sections.forEach((s, si) => {
    for (const it of s.items) if (it.k === 'jump' && labels.get(it.target)?.section !== si) it.long = true;
    // NASM's passes: each walks the section in order, sizing a jump from the label's value as
    // known at that point (this pass's if the label came before, the last pass's if after; a
    // label not yet seen, in the first pass, counts as near enough: short), until a pass
    // changes no label. The result is not always "short iff it fits": a jump sized near in
    // an early pass can keep its target just out of byte range, and then it stays near.
    // The passes run over numbers: each item's kind and size, and each label of the section, and
    // each jump to one, by its index in `offsets` (the label records and the jumps get their
    // final offsets and sizes after the last pass).
    const n = s.items.length;
    const kind = new Uint8Array(n); // FIXED, LABEL, JUMP (to a label of this section), ALIGN
    const size = new Int32Array(n); // FIXED: its size; JUMP: its near size; ALIGN: the alignment
    const early = new Int32Array(n); // FIXED: bytes more in the first pass
    const ref = new Int32Array(n);
    const long = new Uint8Array(n);
    const own: { section: number; offset: number }[] = [];
    const index = new Map<string, number>();
    const labelIndex = (name: string): number => {
      let i = index.get(name);
      if (i === undefined) index.set(name, (i = own.push(labels.get(name)!) - 1));
      return i;
    };
    s.items.forEach((it, k) => {
      if (it.k === 'label') kind[k] = LABEL, ref[k] = labelIndex(it.name);
      else if (it.k === 'jump' && !it.long) kind[k] = JUMP, ref[k] = labelIndex(it.target), size[k] = it.cc < 0 ? 5 : 6;
      else if (it.k === 'align') kind[k] = ALIGN, size[k] = it.n;
      else kind[k] = FIXED, size[k] = itemSize(it, 0), early[k] = it.k === 'enc' ? it.early ?? 0 : 0;
    });
    const offsets = new Float64Array(own.length);
    const known = new Uint8Array(own.length);
    for (let pass = 0, changed = true; changed; pass++) {
      if (pass === MAX_PASSES) throw new AsmUnsupported(`jump sizes not settled after ${MAX_PASSES} passes`);
      changed = false;
      let off = 0;
      for (let k = 0; k < n; k++) {
        switch (kind[k]) {
          case FIXED:
            off += pass === 0 ? size[k] + early[k] : size[k];
            break;
          case LABEL: {
            const l = ref[k];
            if (offsets[l] !== off || !known[l]) changed = true;
            offsets[l] = off;
            known[l] = 1;
            break;
          }
          case JUMP: {
            // rel8 reaches -128..127 from the end of the 2-byte jump.
            const d = offsets[ref[k]] - (off + 2);
            long[k] = known[ref[k]] === 1 && (d < -128 || d > 127) ? 1 : 0;
            off += long[k] ? size[k] : 2;
            break;
          }
          default:
            off += (size[k] - (off % size[k])) % size[k];
        }
      }
      sizes[si] = off;
    }
    s.items.forEach((it, k) => {
      if (kind[k] === JUMP) (it as Item & { k: 'jump' }).long = long[k] === 1;
    });
    own.forEach((l, i) => (l.offset = offsets[i]));
  });
  const sections = src.sections.map((s, si): SectionOut => {
    const out: SectionOut = { src: s, size: sizes[si], bytes: s.nobits ? null : new Uint8Array(sizes[si]), relocs: [] };
    if (s.nobits) {
      if (s.items.some((it) => it.k === 'enc' || it.k === 'jump')) throw new AsmUnsupported(`contents in nobits section ${s.name}`);
      let off = 0;
      for (const it of s.items) {
        const size = itemSize(it, off);
        if (it.k === 'align') it.got = size;
        if (place) placed.set(it, [off, size]);
        off += size;
      }
      return out;
    }
    const buf = out.bytes!;
    let off = 0;
    for (const it of s.items) {
      const size = itemSize(it, off);
      if (it.k === 'align') it.got = size;
      if (place) placed.set(it, [off, size]);
      if (it.k === 'enc') {
        buf.set(it.enc.bytes, off);
        for (const f of it.enc.fixes) {
          const r = resolve(f.e, labels, src.externs);
          const tail = f.pc ? BigInt(size - f.at) : 0n;
          if (r.section === undefined && r.extern === undefined) {
            if (f.pc) throw new AsmUnsupported('a relative reference to a constant');
            write(buf, off + f.at, f.size, r.c);
          } else if (f.pc && r.section === si) write(buf, off + f.at, f.size, r.c + BigInt(r.offset! - (off + size)));
          else {
            const type = f.pc ? (f.size === 4 ? R_X86_64_PC32 : 0) : f.size === 8 ? R_X86_64_64 : 0;
            if (type === 0) throw new AsmUnsupported(`a ${f.size}-byte ${f.pc ? 'relative' : 'absolute'} relocation`);
            const sym = r.extern !== undefined ? { extern: r.extern } : { section: r.section! };
            out.relocs.push({ offset: off + f.at, type, sym, addend: r.c + BigInt(r.offset ?? 0) - tail });
          }
        }
      } else if (it.k === 'jump') {
        const t = labels.get(it.target);
        if (it.long) {
          const op = it.cc < 0 ? [0xe9] : [0x0f, 0x80 + it.cc];
          buf.set(op, off);
          const at = off + op.length;
          if (t && t.section === si) write(buf, at, 4, BigInt(t.offset - (off + size)));
          else if (t) out.relocs.push({ offset: at, type: R_X86_64_PC32, sym: { section: t.section }, addend: BigInt(t.offset - 4) });
          else if (src.externs.includes(it.target)) out.relocs.push({ offset: at, type: R_X86_64_PC32, sym: { extern: it.target }, addend: -4n });
          else throw new AsmUnsupported(`jump to undefined '${it.target}'`);
        } else {
          buf[off] = it.cc < 0 ? 0xeb : 0x70 + it.cc;
          buf[off + 1] = (t!.offset - (off + 2)) & 0xff;
        }
      } else if (it.k === 'align' && it.fill > 0) buf.fill(it.fill, off, off + size);
      off += size;
    }
    return out;
  });
  return { sections, labels, placed };
}

function write(buf: Uint8Array, at: number, size: number, v: bigint): void {
  let x = BigInt.asUintN(size * 8, v);
  for (let i = 0; i < size; i++, x >>= 8n) buf[at + i] = Number(x & 0xffn);
}

/** An expression's value: a constant `c`, plus at most one section (offset added) or external symbol. */
export function resolve(e: Expr, labels: Layout['labels'], externs: string[]): { c: bigint; section?: number; offset?: number; extern?: string } {
  let c = e.c;
  const per = new Map<number, number>();
  let extern: string | undefined;
  for (const t of e.terms) {
    const l = labels.get(t.sym);
    if (l) {
      c += BigInt(t.sign * l.offset);
      per.set(l.section, (per.get(l.section) ?? 0) + t.sign);
    } else if (externs.includes(t.sym) && t.sign === 1 && extern === undefined) extern = t.sym;
    else throw new AsmUnsupported(`symbol '${t.sym}' in an expression`);
  }
  const live = [...per].filter(([, n]) => n !== 0);
  if (live.length === 0) return { c, extern };
  if (live.length > 1 || live[0][1] !== 1 || extern !== undefined) throw new AsmUnsupported('an expression over several sections');
  // c already holds the label's offset; split it out so that the caller can add it where it belongs.
  const section = live[0][0];
  let off = 0n;
  for (const t of e.terms) if (labels.get(t.sym)?.section === section) off += BigInt(t.sign * labels.get(t.sym)!.offset);
  return { c: c - off, section, offset: Number(off) };
}
