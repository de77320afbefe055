// Failure reports of kernel tests name code: every hex address in the
// serial output (a panic backtrace, an exception's `RIP=0x…`, `at 0x…`) that
// falls inside a function of the booted kernel is listed with its TS
// function and file:line:col, read from the ELF's debug table
// (docs/debugging.md). Used by qemu.ts's report() and useQemu.
import { Elf } from '../../compiler/debug/elf.js';
import { SymbolTable, formatLocation } from '../../compiler/debug/table.js';

/** The symbolized-addresses section of a failure report, or '' when the log names no code address. */
export function symbolizeLog(text: string, elfPath: string): string {
  let table: SymbolTable;
  try {
    table = SymbolTable.fromElf(Elf.read(elfPath));
  } catch (e) {
    return `\n--- cannot symbolize addresses: ${(e as Error).message} ---`;
  }
  const seen = new Set<bigint>();
  const lines: string[] = [];
  for (const m of text.matchAll(/\b0x([0-9a-fA-F]{1,16})\b/g)) {
    const addr = BigInt(`0x${m[1]}`);
    if (seen.has(addr)) continue;
    seen.add(addr);
    const loc = table.lookup(addr);
    if (loc.func) lines.push(formatLocation(loc));
  }
  if (lines.length === 0) return '';
  return `\n--- code addresses in the serial output (${elfPath}) ---\n${lines.join('\n')}\n` +
    '(a return address names the line after its call when the call ends a line)';
}
