// The ELF64 relocatable object, laid out as NASM writes it: the section
// headers right after the ELF header (null, the program's sections in
// order of first use, .shstrtab, .symtab, .strtab, then one .rela.NAME per
// section with relocations), each section's contents at a 16-byte aligned
// offset; symbols: null, the file, one per section, the labels that are
// not global in order of definition, then the globals and externals.
// A -g build adds the debug sections (dwarf.ts) after the program's, with
// section symbols for those relocations refer to, and types the labels
// nasm -g types as data objects (Source.objects).
import { AsmUnsupported } from './expr.js';
import { resolve } from './layout.js';
import type { Layout } from './layout.js';
import type { Source } from './source.js';
import type { ExtraSection } from './dwarf.js';

const SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3, SHT_RELA = 4, SHT_NOBITS = 8;
const STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;
const SHN_ABS = 0xfff1;

/** UTF-8 bytes of s (symbol names are mostly ASCII). */
function utf8(s: string, out: number[]): void {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
}

class Strtab {
  private readonly data: number[] = [0];
  add(s: string): number {
    const at = this.data.length;
    utf8(s, this.data);
    this.data.push(0);
    return at;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.data);
  }
}

/** A little-endian writer over a byte array. */
class Bytes {
  readonly u8: Uint8Array;
  private readonly v: DataView;
  constructor(size: number) {
    this.u8 = new Uint8Array(size);
    this.v = new DataView(this.u8.buffer);
  }
  u16(o: number, x: number): void { this.v.setUint16(o, x, true); }
  u32(o: number, x: number): void { this.v.setUint32(o, x, true); }
  u64(o: number, x: bigint): void { this.v.setBigUint64(o, BigInt.asUintN(64, x), true); }
}

interface Sym { name: number; info: number; shndx: number; value: bigint; size: bigint }
interface Shdr { name: number; type: number; flags: number; addr: 0; data: Uint8Array | null; size: number; link: number; info: number; align: number; entsize: number }

export function writeElf(src: Source, lay: Layout, fileName: string, extra: ExtraSection[] = []): Uint8Array {
  const debug = extra.length > 0;
  /** nasm -g: a label without a type followed by data is an object of the data's element size. */
  const objectSize = (name: string): bigint | null => {
    const d = debug ? src.objects.get(name)?.find((o) => !o.align || o.align.got! > 0) : undefined;
    return d ? BigInt(d.size) : null;
  };
  const strtab = new Strtab();
  const syms: Sym[] = [{ name: 0, info: 0, shndx: 0, value: 0n, size: 0n }];
  syms.push({ name: strtab.add(fileName), info: STT_FILE, shndx: SHN_ABS, value: 0n, size: 0n });
  const nameAt = new Map<string, number>();
  for (const n of src.names) if (!nameAt.has(n)) nameAt.set(n, strtab.add(n));
  lay.sections.forEach((_, i) => syms.push({ name: 0, info: STT_SECTION, shndx: i + 1, value: 0n, size: 0n }));
  const sectionSym = (i: number): number => 2 + i;
  const symOfSection = new Map<string, number>(lay.sections.map((s, i) => [s.src.name, sectionSym(i)]));
  extra.forEach((x, i) => {
    if (!x.symbol) return;
    symOfSection.set(x.name, syms.length);
    syms.push({ name: 0, info: STT_SECTION, shndx: lay.sections.length + 1 + i, value: 0n, size: 0n });
  });
  for (const name of src.labels) {
    if (src.globals.has(name)) continue;
    const l = lay.labels.get(name)!;
    const obj = objectSize(name);
    syms.push({ name: nameAt.get(name)!, info: obj === null ? STT_NOTYPE : STT_OBJECT, shndx: l.section + 1, value: BigInt(l.offset), size: obj ?? 0n });
  }
  const firstGlobal = syms.length;
  const externIndex = new Map<string, number>();
  // Globals and externals in the order of their first declaration.
  for (const name of new Set(src.declared)) {
    const l = lay.labels.get(name);
    const g = src.globals.get(name);
    if (!l) {
      if (!src.externs.includes(name)) throw new AsmUnsupported(`global '${name}' is not defined`);
      externIndex.set(name, syms.length);
      syms.push({ name: nameAt.get(name)!, info: 0x10 | STT_NOTYPE, shndx: 0, value: 0n, size: 0n });
      continue;
    }
    if (!g) continue; // an extern defined here is an ordinary label
    let size = 0n;
    if (g.size) {
      const r = resolve(g.size, lay.labels, []);
      if (r.section !== undefined) throw new AsmUnsupported(`the size of '${name}' is not a constant`);
      size = r.c;
    }
    let type = g.kind === 'function' ? STT_FUNC : g.kind === 'data' ? STT_OBJECT : STT_NOTYPE;
    const obj = g.kind === 'none' ? objectSize(name) : null;
    if (obj !== null) [type, size] = [STT_OBJECT, obj];
    syms.push({ name: nameAt.get(name)!, info: 0x10 | type, shndx: l.section + 1, value: BigInt(l.offset), size });
  }

  const shstr = new Strtab();
  const shdrs: Shdr[] = [];
  for (const s of lay.sections) {
    shdrs.push({
      name: shstr.add(s.src.name), type: s.src.nobits ? SHT_NOBITS : SHT_PROGBITS, flags: s.src.flags, addr: 0,
      data: s.bytes, size: s.size, link: 0, info: 0, align: s.src.align, entsize: 0,
    });
  }
  for (const x of extra) {
    shdrs.push({ name: shstr.add(x.name), type: SHT_PROGBITS, flags: 0, addr: 0, data: x.data, size: x.data.length, link: 0, info: 0, align: 1, entsize: 0 });
  }
  const shstrIdx = shdrs.length + 1;
  const shstrName = shstr.add('.shstrtab');
  const symtabName = shstr.add('.symtab');
  const strtabName = shstr.add('.strtab');
  const relaNames = lay.sections.map((s) => (s.relocs.length ? shstr.add('.rela' + s.src.name) : 0));
  const extraRelaNames = extra.map((x) => (x.relocs.length ? shstr.add('.rela' + x.name) : 0));
  const sb = new Bytes(syms.length * 24);
  syms.forEach((s, i) => {
    const o = i * 24;
    sb.u32(o, s.name);
    sb.u8[o + 4] = s.info;
    sb.u16(o + 6, s.shndx);
    sb.u64(o + 8, s.value);
    sb.u64(o + 16, s.size);
  });
  const symBytes = sb.u8;
  const strBytes = strtab.bytes();
  const shstrBytes = shstr.bytes();
  shdrs.push({ name: shstrName, type: SHT_STRTAB, flags: 0, addr: 0, data: shstrBytes, size: shstrBytes.length, link: 0, info: 0, align: 1, entsize: 0 });
  const symtabIdx = shdrs.length + 1;
  shdrs.push({ name: symtabName, type: SHT_SYMTAB, flags: 0, addr: 0, data: symBytes, size: symBytes.length, link: symtabIdx + 1, info: firstGlobal, align: 8, entsize: 24 });
  shdrs.push({ name: strtabName, type: SHT_STRTAB, flags: 0, addr: 0, data: strBytes, size: strBytes.length, link: 0, info: 0, align: 1, entsize: 0 });
  lay.sections.forEach((s, i) => {
    if (!s.relocs.length) return;
    const b = new Bytes(s.relocs.length * 24);
    s.relocs.forEach((r, k) => {
      const symIdx = 'extern' in r.sym ? externIndex.get(r.sym.extern)! : sectionSym(r.sym.section);
      b.u64(k * 24, BigInt(r.offset));
      b.u64(k * 24 + 8, (BigInt(symIdx) << 32n) | BigInt(r.type));
      b.u64(k * 24 + 16, r.addend);
    });
    shdrs.push({ name: relaNames[i], type: SHT_RELA, flags: 0, addr: 0, data: b.u8, size: b.u8.length, link: symtabIdx, info: i + 1, align: 8, entsize: 24 });
  });
  extra.forEach((x, i) => {
    if (!x.relocs.length) return;
    const b = new Bytes(x.relocs.length * 24);
    x.relocs.forEach((r, k) => {
      const symIdx = symOfSection.get(r.target);
      if (symIdx === undefined) throw new AsmUnsupported(`a debug relocation against '${r.target}'`);
      b.u64(k * 24, BigInt(r.offset));
      b.u64(k * 24 + 8, (BigInt(symIdx) << 32n) | BigInt(r.type));
      b.u64(k * 24 + 16, r.addend);
    });
    shdrs.push({ name: extraRelaNames[i], type: SHT_RELA, flags: 0, addr: 0, data: b.u8, size: b.u8.length, link: symtabIdx, info: lay.sections.length + 1 + i, align: 8, entsize: 24 });
  });

  const count = shdrs.length + 1;
  let off = 64 + count * 64;
  const offsets: number[] = [];
  for (const h of shdrs) {
    off = (off + 15) & ~15;
    offsets.push(off);
    if (h.data) off += h.data.length;
  }
  // NASM pads the file to a multiple of 16 bytes as well.
  const out = new Bytes((off + 15) & ~15);
  out.u8.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  out.u16(16, 1); // ET_REL
  out.u16(18, 62); // EM_X86_64
  out.u32(20, 1);
  out.u64(40, 64n); // e_shoff
  out.u16(52, 64);
  out.u16(58, 64);
  out.u16(60, count);
  out.u16(62, shstrIdx);
  shdrs.forEach((h, i) => {
    const o = 64 + (i + 1) * 64;
    out.u32(o, h.name);
    out.u32(o + 4, h.type);
    out.u64(o + 8, BigInt(h.flags));
    out.u64(o + 24, BigInt(offsets[i]));
    out.u64(o + 32, BigInt(h.size));
    out.u32(o + 40, h.link);
    out.u32(o + 44, h.info);
    out.u64(o + 48, BigInt(h.align));
    out.u64(o + 56, BigInt(h.entsize));
    if (h.data) out.u8.set(h.data, offsets[i]);
  });
  return out.u8;
}
