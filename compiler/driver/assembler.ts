// The choice between the built-in assembler (compiler/asm/) and nasm for one
// output: the built-in one writes the object itself (with DWARF line
// information from the %line directives in a -g build) unless the text
// holds something outside its subset; then nasm runs as before, and with
// --timings the reason is printed.
import { writeFileSync } from 'node:fs';
import { assembleText, AsmUnsupported } from '../asm/assemble.js';
import type { Timings } from './timings.js';

interface AssemblerOptions { assembler?: 'nasm' | 'builtin'; debug: boolean; timings?: Timings }

/** Writes objPath from `text` with the built-in assembler; false when nasm has to do it. */
export function assembleBuiltin(
  text: string, asmPath: string, objPath: string, opts: AssemblerOptions,
  time: <T>(stage: string, f: () => T) => T,
): boolean {
  if ((opts.assembler ?? 'builtin') !== 'builtin') return false;
  try {
    const obj = time('assemble', () => assembleText(text, asmPath, { debug: opts.debug }));
    writeFileSync(objPath, obj);
    return true;
  } catch (e) {
    if (!(e instanceof AsmUnsupported)) throw e;
    if (opts.timings) process.stderr.write(`tskc: ${asmPath}: built-in assembler: ${e.message}, using nasm\n`);
    return false;
  }
}
