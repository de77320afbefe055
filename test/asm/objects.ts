// An ELF64 relocatable object reduced to what the assembler is answerable
// for: each program section's type, flags, alignment and bytes (.bss: its
// size), the symbols (by name, with their section's name, value, size,
// type and binding) and each section's relocations (offset, type, target
// symbol or section, addend). Two objects with equal summaries have the same
// code and data whatever their debug sections and section order; the
// kernel's identity test compares nasm's -g object with the built-in one's.
import { Elf, SHT_NOBITS, SHT_SYMTAB } from '../../compiler/debug/elf.js';

const SHT_RELA = 4;
const STT_SECTION = 3;

export interface ObjectSummary {
  sections: Map<string, string>;
  symbols: string[];
  relocations: Map<string, string[]>;
}

const isDebug = (name: string): boolean => /^(?:\.rela)?\.debug_/.test(name);

export function summarize(bytes: Uint8Array): ObjectSummary {
  const elf = new Elf(bytes, 'object');
  const shdr = (i: number): { align: bigint; info: number } => {
    const at = Number(elf.u64(0x28)) + i * elf.u16(0x3a);
    return { align: elf.u64(at + 48), info: elf.u32(at + 44) };
  };
  const sections = new Map<string, string>();
  elf.sections.forEach((s, i) => {
    if (i === 0 || isDebug(s.name) || s.type === SHT_RELA || s.type === SHT_SYMTAB || s.name.endsWith('strtab')) return;
    const head = `type ${s.type} flags ${s.flags} align ${shdr(i).align} size ${s.size}`;
    const body = s.type === SHT_NOBITS ? '' : Buffer.from(elf.bytes.subarray(s.offset, s.offset + s.size)).toString('hex');
    sections.set(s.name, `${head} ${body}`);
  });
  const all = elf.symbols();
  const symName = (k: number): string => {
    const y = all[k];
    return y.type === STT_SECTION ? `section ${elf.sections[y.section].name}` : y.name;
  };
  const symbols = all
    .filter((y) => y.type !== STT_SECTION || !isDebug(elf.sections[y.section].name))
    .map((y) => `${y.type === STT_SECTION ? symName(all.indexOf(y)) : y.name} in ${elf.sections[y.section]?.name ?? y.section} value ${y.value} size ${y.size} type ${y.type} bind ${y.bind}`);
  const relocations = new Map<string, string[]>();
  elf.sections.forEach((s, i) => {
    if (s.type !== SHT_RELA) return;
    const target = elf.sections[shdr(i).info].name;
    if (isDebug(target)) return;
    const list: string[] = [];
    for (let at = s.offset; at < s.offset + s.size; at += 24) {
      const info = elf.u64(at + 8);
      list.push(`${elf.u64(at)} type ${info & 0xffffffffn} ${symName(Number(info >> 32n))} ${BigInt.asIntN(64, elf.u64(at + 16))}`);
    }
    relocations.set(target, list);
  });
  return { sections, symbols, relocations };
}
