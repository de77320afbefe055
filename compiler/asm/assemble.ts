// The built-in assembler's entry: tskc's NASM text → an ELF64 relocatable
// object, byte for byte what `nasm -f elf64` makes of the same file
// (test/asm/identity.test.ts holds it to that). It covers the subset tskc
// writes without debug information; anything else throws AsmUnsupported and
// the driver runs nasm instead (docs/performance.md, "The built-in assembler").
import { readSource } from './source.js';
import { layout } from './layout.js';
import { writeElf } from './elf.js';

export { AsmUnsupported } from './expr.js';

/** Assembles `text`; `fileName` is the name NASM would be given (it is the object's FILE symbol). */
export function assembleText(text: string, fileName: string): Uint8Array {
  const src = readSource(text);
  return writeElf(src, layout(src), fileName);
}
