// The debug table every program carries in .rodata (`__tskc_debug_table`):
// function start → name and code address → TS file:line:col, both sorted,
// so the kernel can name the TS function and line of an address by itself
// (runtime/kernel/symbols.ts) and `tskc symbolize` can do the same from the
// ELF (compiler/debug/table.ts). Layout, all offsets in bytes
// (docs/debugging.md, "The debug table"):
//
//   header  u32 magic 'TSKD', u32 version 1, u64 text base (absolute),
//           u32 nfuncs, u32 nrows, u32 nruns, u32 0
//   funcs   nfuncs × { u32 start − text base, u32 size, u32 name }
//   rows    nrows  × { u32 address − text base, u32 line | min(col, 4095) << 20 }
//   runs    nruns  × { u32 first row, u32 file }  (file of rows [first, next first))
//   strings each { u64 byte length, bytes, NUL }: a tskc string
//
// `name` and `file` are offsets of strings from the table's start. A row
// starts wherever the TS (file, line) changes within a function; the
// difference of two labels of .text is a constant nasm computes, so the
// table needs no relocation except the text base.
import type { SourceLoc } from '../ir/ir.js';
import { DEBUG_TABLE_SYMBOL, displayPath } from '../lower/lower.js';

export { DEBUG_TABLE_SYMBOL };
export const TEXT_BASE_LABEL = '__tskc_text_base';
export const DEBUG_TABLE_MAGIC = 0x444b5354; // 'TSKD'
export const DEBUG_TABLE_VERSION = 1;
export const MAX_LINE = 0xfffff;
export const MAX_COL = 0xfff;

interface Row { label: string; file: string; line: number; col: number }

export class DebugTableBuilder {
  private readonly funcs: { sym: string; end: string; name: string }[] = [];
  private readonly rows: Row[] = [];
  private fn = '';
  private last: SourceLoc | null = null;
  private count = 0;
  /**
   * Whether functions now being written are in .text. Offsets are taken from
   * the text base, so code in an @section of its own (docs/language.md §12.3)
   * has no rows: the kernel's symbolizer cannot name it.
   */
  inText = true;

  /** Starts a function (its code follows); `sym` is the NASM symbol, `name` what people see. */
  beginFunc(sym: string, name: string): void {
    if (!this.inText) {
      this.fn = '';
      return;
    }
    this.funcs.push({ sym, end: `${sym}.end`, name });
    this.fn = sym;
    this.last = null;
  }

  /** For an instruction at `loc`: the local label to put before it when it starts a new TS line. */
  rowBefore(loc: SourceLoc): string | null {
    if (!this.fn || (this.last && this.last.line === loc.line && this.last.file === loc.file)) return null;
    this.last = loc;
    const local = `.L${this.count++}`;
    this.rows.push({ label: `${this.fn}${local}`, file: loc.file, line: loc.line, col: loc.col });
    return local;
  }

  /** The table's lines, for the .rodata section. */
  lines(): string[] {
    const strings = new Map<string, string>();
    const str = (s: string): string => {
      let l = strings.get(s);
      if (!l) strings.set(s, (l = `.s${strings.size}`));
      return `${l} - ${DEBUG_TABLE_SYMBOL}`;
    };
    const rel = (label: string): string => `${label} - ${TEXT_BASE_LABEL}`;
    const runs: { first: number; file: string }[] = [];
    this.rows.forEach((r, i) => {
      if (runs.length === 0 || runs[runs.length - 1].file !== r.file) runs.push({ first: i, file: r.file });
    });
    const out = [
      '', 'align 8, db 0',
      `global ${DEBUG_TABLE_SYMBOL}:data (${DEBUG_TABLE_SYMBOL}.end - ${DEBUG_TABLE_SYMBOL})`,
      `${DEBUG_TABLE_SYMBOL}:`,
      `    dd ${DEBUG_TABLE_MAGIC}, ${DEBUG_TABLE_VERSION}`,
      `    dq ${TEXT_BASE_LABEL}`,
      `    dd ${this.funcs.length}, ${this.rows.length}, ${runs.length}, 0`,
      ...this.funcs.map((f) => `    dd ${rel(f.sym)}, ${f.end} - ${f.sym}, ${str(f.name)}`),
      ...this.rows.map((r) => `    dd ${rel(r.label)}, ${Math.min(r.line, MAX_LINE) + Math.min(r.col, MAX_COL) * 2 ** 20}`),
      ...runs.map((r) => `    dd ${r.first}, ${str(displayPath(r.file))}`),
    ];
    for (const [s, label] of strings) {
      const bytes = [...new TextEncoder().encode(s), 0];
      out.push(`${label}:`, `    dq ${bytes.length - 1}`, `    db ${bytes.join(', ')}`);
    }
    out.push('.end:');
    return out;
  }
}
