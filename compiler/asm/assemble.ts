// The built-in assembler's entry: tskc's NASM text → an ELF64 relocatable
// object, byte for byte what `nasm -f elf64` makes of the same file
// (test/asm/identity.test.ts holds it to that). It covers the subset tskc
// writes, with DWARF line information for -g (dwarf.ts); anything else throws AsmUnsupported and
// the driver runs nasm instead (docs/performance.md, "The built-in assembler").
import { readSource } from './source.js';
import { layout } from './layout.js';
import { writeElf } from './elf.js';
import { debugSections } from './dwarf.js';

export { AsmUnsupported } from './expr.js';

export interface AssembleOptions {
  /** DWARF line information from the %line directives, as `nasm -g -F dwarf` (dwarf.ts). */
  debug?: boolean;
}

/** Assembles `text`; `fileName` is the name NASM would be given (it is the object's FILE symbol). */
export function assembleText(text: string, fileName: string, opts: AssembleOptions = {}): Uint8Array {
  const src = readSource(text, opts.debug);
  const lay = layout(src, opts.debug);
  const extra = opts.debug ? debugSections(src, lay, fileName, process.cwd() + '/') : [];
  return writeElf(src, lay, fileName, extra);
}
