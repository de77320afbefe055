// A small ELF64 little-endian reader: section headers, the symbol table and
// reading bytes at a virtual address. Enough for `tskc symbolize` on the
// executables and kernels ld.lld links; not a general ELF library.
import { readFileSync } from 'node:fs';
import { ToolError } from '../driver/toolchain.js';

export interface ElfSection { name: string; type: number; flags: bigint; addr: bigint; offset: number; size: number; link: number }
export interface ElfSymbol { name: string; value: bigint; size: bigint; type: number; bind: number; section: number }

export const SHT_SYMTAB = 2;
export const SHT_NOBITS = 8;
export const STT_FUNC = 2;

export class Elf {
  readonly sections: ElfSection[] = [];
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array, readonly path: string) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const magicOk = bytes.length >= 64 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
    if (!magicOk) throw new ToolError(`${path} is not an ELF file`);
    if (bytes[4] !== 2 || bytes[5] !== 1) throw new ToolError(`${path} is not a 64-bit little-endian ELF file`);
    const shoff = this.u64(0x28);
    const shentsize = this.u16(0x3a);
    const shnum = this.u16(0x3c);
    const shstrndx = this.u16(0x3e);
    if (shoff === 0n || shoff + BigInt(shnum * shentsize) > BigInt(bytes.length)) {
      throw new ToolError(`${path}: its section headers are missing or truncated`);
    }
    const raw: (ElfSection & { nameOff: number })[] = [];
    for (let i = 0; i < shnum; i++) {
      const at = Number(shoff) + i * shentsize;
      raw.push({
        nameOff: this.u32(at), name: '', type: this.u32(at + 4), flags: this.u64(at + 8), addr: this.u64(at + 16),
        offset: Number(this.u64(at + 24)), size: Number(this.u64(at + 32)), link: this.u32(at + 40),
      });
    }
    const names = raw[shstrndx];
    for (const s of raw) {
      const { nameOff, ...sec } = s;
      sec.name = names ? this.cstring(names.offset + nameOff) : '';
      this.sections.push(sec);
    }
  }

  static read(path: string): Elf {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new ToolError(`cannot read ${path}: ${(e as Error).message}`);
    }
    return new Elf(bytes, path);
  }

  u16(at: number): number { return this.view.getUint16(at, true); }
  u32(at: number): number { return this.view.getUint32(at, true); }
  u64(at: number): bigint { return this.view.getBigUint64(at, true); }

  /** The NUL-terminated string at file offset `at`. */
  cstring(at: number): string {
    let end = at;
    while (end < this.bytes.length && this.bytes[end] !== 0) end++;
    return new TextDecoder().decode(this.bytes.subarray(at, end));
  }

  /** Every symbol of .symtab (empty when the file is stripped). */
  symbols(): ElfSymbol[] {
    const out: ElfSymbol[] = [];
    for (const s of this.sections.filter((x) => x.type === SHT_SYMTAB)) {
      const strtab = this.sections[s.link];
      for (let at = s.offset; at + 24 <= s.offset + s.size; at += 24) {
        const info = this.bytes[at + 4];
        out.push({
          name: strtab ? this.cstring(strtab.offset + this.u32(at)) : '', type: info & 0xf, bind: info >> 4,
          section: this.u16(at + 6), value: this.u64(at + 8), size: this.u64(at + 16),
        });
      }
    }
    return out;
  }

  /** The file offset of virtual address `addr` (inside a section with file contents), or null. */
  offsetOf(addr: bigint): number | null {
    for (const s of this.sections) {
      if (s.type === SHT_NOBITS || s.addr === 0n) continue;
      if (addr >= s.addr && addr < s.addr + BigInt(s.size)) return s.offset + Number(addr - s.addr);
    }
    return null;
  }
}
