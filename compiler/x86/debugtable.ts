// The debug table every program carries in .rodata (`__tskc_debug_table`):
// function start → name and code address → TS file:line:col, both sorted,
// and for code the inliner copied, the chain of calls it was copied into, so
// the kernel can name the TS function and line of an address by itself
// (runtime/kernel/symbols.ts) and `tskc symbolize` can do the same from the
// ELF (compiler/debug/table.ts). Layout, all offsets in bytes
// (docs/debugging.md, "The debug table"):
//
//   header  u32 magic 'TSKD', u32 version 2, u64 text base (absolute),
//           u32 nfuncs, u32 nrows, u32 nruns, u32 nsiteruns, u32 nsites, u32 0
//   funcs   nfuncs × { u32 start − text base, u32 size, u32 name }
//   rows    nrows  × { u32 address − text base, u32 line | min(col, 4095) << 20 }
//   runs    nruns  × { u32 first row, u32 file }  (file of rows [first, next first))
//   siteruns nsiteruns × { u32 first row, u32 site + 1, or 0: not inlined }
//   sites   nsites × { u32 callee name, u32 call's file, u32 call's line | col << 20,
//                      u32 the site the call itself was inlined at + 1, or 0 }
//   strings each { u64 byte length, bytes, NUL }: a tskc string
//
// `name` and `file` are offsets of strings from the table's start. A row
// starts wherever the TS (file, line) or the inlined site changes within a
// function; the difference of two labels of .text is a constant nasm
// computes, so the table needs no relocation except the text base.
import type { InlineSite, SourceLoc } from '../ir/ir.js';
import { DEBUG_TABLE_SYMBOL, displayPath } from '../ir/debugnames.js';

export { DEBUG_TABLE_SYMBOL };
export const TEXT_BASE_LABEL = '__tskc_text_base';
export const DEBUG_TABLE_MAGIC = 0x444b5354; // 'TSKD'
export const DEBUG_TABLE_VERSION = 2;
/** The header's size in bytes. */
export const DEBUG_TABLE_HEADER = 40;
export const MAX_LINE = 0xfffff;
export const MAX_COL = 0xfff;

interface Row { label: string; file: string; line: number; col: number; site: number }
interface Site { callee: string; file: string; line: number; col: number; parent: number }

export class DebugTableBuilder {
  private readonly funcs: { sym: string; end: string; name: string }[] = [];
  private readonly rows: Row[] = [];
  /** Inline sites, numbered from 1 in order of first use; 0 is "not inlined". */
  private readonly sites: Site[] = [];
  private readonly siteIds = new Map<string, number>();
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
    if (!this.fn) return null;
    const last = this.last;
    if (last && last.line === loc.line && last.file === loc.file && (last.inlined === loc.inlined || this.siteOf(last.inlined) === this.siteOf(loc.inlined))) return null;
    this.last = loc;
    const local = `.L${this.count++}`;
    this.rows.push({ label: `${this.fn}${local}`, file: loc.file, line: loc.line, col: loc.col, site: this.siteOf(loc.inlined) });
    return local;
  }

  /** The number of `site` (1-based), entered the first time; 0 for none. */
  private siteOf(site: InlineSite | undefined): number {
    if (!site) return 0;
    const parent = this.siteOf(site.call.inlined);
    const key = `${site.callee}\0${site.call.file}\0${site.call.line}\0${site.call.col}\0${parent}`;
    let id = this.siteIds.get(key);
    if (id === undefined) {
      this.sites.push({ callee: site.callee, file: site.call.file, line: site.call.line, col: site.call.col, parent });
      this.siteIds.set(key, (id = this.sites.length));
    }
    return id;
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
    const siteRuns: { first: number; site: number }[] = [];
    this.rows.forEach((r, i) => {
      if (runs.length === 0 || runs[runs.length - 1].file !== r.file) runs.push({ first: i, file: r.file });
      if (siteRuns.length === 0 ? r.site !== 0 : siteRuns[siteRuns.length - 1].site !== r.site) siteRuns.push({ first: i, site: r.site });
    });
    const packed = (line: number, col: number): number => Math.min(line, MAX_LINE) + Math.min(col, MAX_COL) * 2 ** 20;
    const out = [
      '', 'align 8, db 0',
      `global ${DEBUG_TABLE_SYMBOL}:data (${DEBUG_TABLE_SYMBOL}.end - ${DEBUG_TABLE_SYMBOL})`,
      `${DEBUG_TABLE_SYMBOL}:`,
      `    dd ${DEBUG_TABLE_MAGIC}, ${DEBUG_TABLE_VERSION}`,
      `    dq ${TEXT_BASE_LABEL}`,
      `    dd ${this.funcs.length}, ${this.rows.length}, ${runs.length}, ${siteRuns.length}, ${this.sites.length}, 0`,
      ...this.funcs.map((f) => `    dd ${rel(f.sym)}, ${f.end} - ${f.sym}, ${str(f.name)}`),
      ...this.rows.map((r) => `    dd ${rel(r.label)}, ${packed(r.line, r.col)}`),
      ...runs.map((r) => `    dd ${r.first}, ${str(displayPath(r.file))}`),
      ...siteRuns.map((r) => `    dd ${r.first}, ${r.site}`),
      ...this.sites.map((x) => `    dd ${str(x.callee)}, ${str(displayPath(x.file))}, ${packed(x.line, x.col)}, ${x.parent}`),
    ];
    for (const [s, label] of strings) {
      const bytes = [...new TextEncoder().encode(s), 0];
      out.push(`${label}:`, `    dq ${bytes.length - 1}`, `    db ${bytes.join(', ')}`);
    }
    out.push('.end:');
    return out;
  }
}
