// A reader for the DWARF line table of an object from nasm -g or the
// built-in assembler (DWARF 3, one sequence): its rows as address, file
// name and line. nasm writes DW_LNS_set_file's operand as one byte rather
// than ULEB128 (output/outelf.c, dwarf_output), which readers take for a
// longer number once a file's index passes 127: the kernel has more files
// than that, so its nasm table is read here the way nasm meant it
// (`nasmFileByte`), and objdump would show it corrupt.
import { Elf } from '../../compiler/debug/elf.js';

export interface LineRow { address: number; file: string; line: number }

export function lineRows(bytes: Uint8Array, nasmFileByte: boolean): LineRow[] {
  const elf = new Elf(bytes, 'object');
  const sec = elf.sections.find((s) => s.name === '.debug_line');
  if (!sec) throw new Error('no .debug_line');
  const b = elf.bytes.subarray(sec.offset, sec.offset + sec.size);
  let p = 0;
  const u8 = (): number => b[p++];
  const u16 = (): number => u8() | (u8() << 8);
  const u32 = (): number => (u16() | (u16() << 16)) >>> 0;
  const uleb = (): number => {
    let x = 0, shift = 0, byte: number;
    do {
      byte = u8();
      x += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return x;
  };
  const sleb = (): number => {
    let x = 0, shift = 0, byte: number;
    do {
      byte = u8();
      x |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return shift < 32 && byte & 0x40 ? x | (-1 << shift) : x;
  };
  const cstr = (): string => {
    const start = p;
    while (b[p] !== 0) p++;
    return new TextDecoder().decode(b.subarray(start, p++));
  };
  const end = u32() + 4;
  if (u16() !== 3) throw new Error('not DWARF 3');
  const headerEnd = u32() + p;
  const minInst = u8();
  u8();
  const lineBase = (u8() << 24) >> 24;
  const lineRange = u8();
  const opcodeBase = u8();
  const lengths = [0];
  for (let i = 1; i < opcodeBase; i++) lengths.push(u8());
  while (b[p] !== 0) cstr();
  p++;
  const files = [''];
  while (b[p] !== 0) {
    files.push(cstr());
    uleb(), uleb(), uleb();
  }
  p = headerEnd;
  const rows: LineRow[] = [];
  let address = 0, file = 1, line = 1;
  const row = (): void => void rows.push({ address, file: files[file] ?? `#${file}`, line });
  while (p < end) {
    const op = u8();
    if (op >= opcodeBase) {
      const adj = op - opcodeBase;
      address += Math.floor(adj / lineRange) * minInst;
      line += lineBase + (adj % lineRange);
      row();
    } else if (op === 0) {
      const len = uleb();
      const sub = u8();
      if (sub === 1) {
        rows.push({ address, file: '', line: 0 }); // end of sequence
        address = 0, file = 1, line = 1;
      } else if (sub === 2) address = 0, p += len - 1; // set_address: relocated, 0 in an object
      else p += len - 1;
    } else if (op === 1) row();
    else if (op === 2) address += uleb() * minInst;
    else if (op === 3) line += sleb();
    else if (op === 4) file = nasmFileByte ? u8() : uleb();
    else if (op === 8) address += Math.floor((255 - opcodeBase) / lineRange) * minInst;
    else if (op === 9) address += u16();
    else for (let i = 0; i < lengths[op]; i++) uleb();
  }
  return rows;
}
