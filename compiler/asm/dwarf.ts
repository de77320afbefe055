// DWARF line information for a `-g` build, from tskc's `%line` directives
// (source.ts, layout.ts): the sections nasm -g -F dwarf writes that gdb
// needs to map code to TS file:line (.debug_line with its rows, a compile
// unit in .debug_info/.debug_abbrev covering the code, .debug_aranges), in
// nasm's DWARF 3 encoding. The decoded line table equals nasm's for the
// same text (test/asm/identity.test.ts); tskc symbolize reads its own debug
// table instead (docs/debugging.md).
import { AsmUnsupported } from './expr.js';
import { R_X86_64_32, R_X86_64_64 } from './layout.js';
import type { Layout, SectionOut } from './layout.js';
import type { SectionSrc, Source } from './source.js';

const SHF_EXEC = 4;

/** A section besides the program's: its relocations name their target section. */
export interface ExtraSection {
  name: string;
  data: Uint8Array;
  relocs: { offset: number; type: number; target: string; addend: bigint }[];
  /** Whether it has a section symbol (the ones relocations refer to). */
  symbol: boolean;
}

const LINE_BASE = -5, LINE_RANGE = 14, OPCODE_BASE = 13;
const DW_LNS_copy = 1, DW_LNS_advance_pc = 2, DW_LNS_advance_line = 3, DW_LNS_set_file = 4;
const DW_LNE_end_sequence = 1, DW_LNE_set_address = 2;

class Out {
  readonly b: number[] = [];
  readonly relocs: ExtraSection['relocs'] = [];
  u8(x: number): void { this.b.push(x & 0xff); }
  u16(x: number): void { this.u8(x); this.u8(x >> 8); }
  u32(x: number): void { this.u16(x & 0xffff); this.u16(x >>> 16); }
  u64(x: number): void { this.u32(x); this.u32(0); }
  uleb(x: number): void {
    do {
      const byte = x & 0x7f;
      x = Math.floor(x / 128);
      this.u8(x ? byte | 0x80 : byte);
    } while (x);
  }
  sleb(x: number): void {
    for (;;) {
      const byte = x & 0x7f;
      x >>= 7;
      const done = (x === 0 && !(byte & 0x40)) || (x === -1 && (byte & 0x40));
      this.u8(done ? byte : byte | 0x80);
      if (done) return;
    }
  }
  str(s: string): void {
    for (const c of new TextEncoder().encode(s)) this.u8(c);
    this.u8(0);
  }
  /** A 4- or 8-byte field relocated against `target` + addend. */
  addr(size: 4 | 8, target: string, addend: number): void {
    this.relocs.push({ offset: this.b.length, type: size === 8 ? R_X86_64_64 : R_X86_64_32, target, addend: BigInt(addend) });
    if (size === 8) this.u64(0);
    else this.u32(0);
  }
  /** A unit's header: its length (patched later), version, the offset of its other part, the address size. */
  unitHeader(version: number, other: string): void {
    this.u32(0);
    this.u16(version);
    this.addr(4, other, 0);
    this.u8(8);
  }
  /** Writes the 4-byte length of everything after `at + 4` at `at`. */
  patchLength(at: number): void {
    const n = this.b.length - at - 4;
    for (let i = 0; i < 4; i++) this.b[at + i] = (n >>> (8 * i)) & 0xff;
  }
  section(name: string, symbol: boolean): ExtraSection {
    return { name, data: Uint8Array.from(this.b), relocs: this.relocs, symbol };
  }
}

/**
 * The line program of nasm -g (output/outelf.c): an item with bytes whose
 * location or section differs from the last such item's reports its
 * location (registering its file, in that order, in the file table); the
 * next item with bytes in the executable section then sets the file if it
 * changed and adds a row if the line differs from the section's last row.
 */
function lineProgram(src: Source, lay: Layout, asmName: string): { code: SectionOut; files: string[]; ops: Out } {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const ops = new Out();
  let code: SectionOut | null = null;
  let lastFile: string | null = null, lastLine = -1, lastSection: SectionSrc | null = null;
  let file = 0, line = 0, pending = false;
  const st = { line: 1, offset: 0, file: 1 };
  const outOf = new Map(lay.sections.map((s) => [s.src, s]));
  for (const o of src.outputs) {
    const [offset, size] = lay.placed.get(o.item)!;
    if (size === 0) continue;
    if (o.file !== lastFile || o.line !== lastLine || o.section !== lastSection) {
      [lastFile, lastLine, lastSection] = [o.file, o.line, o.section];
      const name = o.file === '' ? asmName : o.file;
      let f = fileIndex.get(name);
      if (f === undefined) fileIndex.set(name, (f = files.push(name)));
      [file, line, pending] = [f, o.line, true];
    }
    if (!(o.section.flags & SHF_EXEC) || !pending) continue;
    pending = false;
    if (code === null) code = outOf.get(o.section)!;
    else if (code.src !== o.section) throw new AsmUnsupported('line information in more than one section');
    if (file !== st.file) {
      ops.u8(DW_LNS_set_file);
      ops.uleb(file);
      st.file = file;
    }
    const dl = line - st.line, da = offset - st.offset;
    if (dl === 0) continue;
    const special = dl - LINE_BASE + LINE_RANGE * da + OPCODE_BASE;
    if (dl >= LINE_BASE && dl < LINE_BASE + LINE_RANGE && special < 256) ops.u8(special);
    else {
      ops.u8(DW_LNS_advance_line);
      ops.sleb(dl);
      if (da) {
        ops.u8(DW_LNS_advance_pc);
        ops.uleb(da);
      }
      ops.u8(DW_LNS_copy);
    }
    [st.line, st.offset] = [line, offset];
  }
  if (code === null) throw new AsmUnsupported('a debug build without code');
  if (code.size > st.offset) {
    ops.u8(DW_LNS_advance_pc);
    ops.uleb(code.size - st.offset);
  }
  ops.u8(0);
  ops.uleb(1);
  ops.u8(DW_LNE_end_sequence);
  return { code, files, ops };
}

/** The debug sections for `lay`; `asmName` is the compile unit's name (and the file of lines before any %line). */
export function debugSections(src: Source, lay: Layout, asmName: string, compDir: string): ExtraSection[] {
  const { code, files, ops } = lineProgram(src, lay, asmName);
  const sec = code.src.name;

  const line = new Out();
  line.u32(0);
  line.u16(3);
  const headerLenAt = line.b.length;
  line.u32(0);
  line.u8(1); // minimum instruction length
  line.u8(1); // default is_stmt
  line.u8(LINE_BASE);
  line.u8(LINE_RANGE);
  line.u8(OPCODE_BASE);
  for (const n of [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1]) line.u8(n);
  line.u8(0); // no include directories
  for (const f of files) {
    line.str(f);
    line.uleb(0);
    line.uleb(0);
    line.uleb(0);
  }
  line.u8(0);
  const headerLen = line.b.length - headerLenAt - 4;
  for (let i = 0; i < 4; i++) line.b[headerLenAt + i] = (headerLen >>> (8 * i)) & 0xff;
  line.u8(0);
  line.uleb(9);
  line.u8(DW_LNE_set_address);
  line.addr(8, sec, 0);
  line.b.push(...ops.b);
  line.patchLength(0);

  // One compile unit over the code, without children (gdb takes function names from the symbol table).
  const abbrev = new Out();
  for (const n of [1, 0x11, 0, 0x11, 0x01, 0x12, 0x01, 0x10, 0x06, 0x03, 0x08, 0x1b, 0x08, 0x25, 0x08, 0x13, 0x05, 0, 0, 0]) abbrev.u8(n);
  const info = new Out();
  info.unitHeader(3, '.debug_abbrev');
  info.uleb(1);
  info.addr(8, sec, 0);
  info.addr(8, sec, code.size);
  info.addr(4, '.debug_line', 0);
  info.str(asmName);
  info.str(compDir);
  info.str('tskc');
  info.u16(0x8001); // DW_LANG_Mips_Assembler, as nasm says
  info.patchLength(0);

  const aranges = new Out();
  aranges.unitHeader(2, '.debug_info');
  aranges.u8(0);
  aranges.u32(0); // the tuples start at a multiple of their size
  aranges.addr(8, sec, 0);
  aranges.u64(code.size);
  aranges.u64(0);
  aranges.u64(0);
  aranges.patchLength(0);

  return [aranges.section('.debug_aranges', false), info.section('.debug_info', true), abbrev.section('.debug_abbrev', true), line.section('.debug_line', true)];
}
