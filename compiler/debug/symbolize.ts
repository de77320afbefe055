// `tskc symbolize ADDRESS… [--elf FILE]`: addresses (from a panic, an
// exception report, QEMU's log or gdb) to the TS function and
// file:line:col, using the program's debug table (docs/debugging.md).
import { DiagnosticBag } from '../diag/diagnostic.js';
import { Elf } from './elf.js';
import { SymbolTable, formatLocation } from './table.js';

/** Parses `0x1234`, `1234` (hex) or `RIP=0x…`-style tokens; null when it is not an address. */
export function parseAddress(text: string): bigint | null {
  const m = /^(?:[A-Za-z]\w*[=:])?(?:0x)?([0-9a-fA-F]{1,16})$/.exec(text.trim());
  return m ? BigInt(`0x${m[1]}`) : null;
}

/** The symbolized lines for `addresses` in `elfPath` (one per address). */
export function symbolize(elfPath: string, addresses: string[]): string[] {
  const diags = new DiagnosticBag();
  const addrs = addresses.map((a) => {
    const v = parseAddress(a);
    if (v === null) diags.global('TSK1100', `'${a}' is not an address: write it in hex, e.g. 0x101a2f`);
    return v ?? 0n;
  });
  diags.throwIfErrors();
  const table = SymbolTable.fromElf(Elf.read(elfPath));
  return addrs.map((a) => formatLocation(table.lookup(a)));
}
