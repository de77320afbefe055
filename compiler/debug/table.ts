// Reads the debug table (compiler/x86/debugtable.ts, docs/debugging.md) out
// of a linked ELF and looks addresses up in it: the function containing an
// address, the TS file:line:col of its instruction, and for code the inliner
// copied, the chain of calls it was copied into. Programs without a
// table (not made by tskc) fall back to the ELF's sized FUNC symbols.
import { ToolError } from '../driver/toolchain.js';
import { DEBUG_TABLE_HEADER, DEBUG_TABLE_MAGIC, DEBUG_TABLE_SYMBOL, DEBUG_TABLE_VERSION } from '../x86/debugtable.js';
import { Elf, STT_FUNC } from './elf.js';

export interface FuncEntry { name: string; start: bigint; size: bigint }
/** A call the inliner replaced: the callee copied there, where the call was, and the site that call was itself copied at. */
export interface InlineSite { callee: string; file: string; line: number; col: number; parent: InlineSite | null }
export interface LineEntry { addr: bigint; file: string; line: number; col: number; site: InlineSite | null }

export interface Location {
  addr: bigint;
  func: FuncEntry | null;
  /** The TS location of the instruction at addr (null outside TS code). */
  line: LineEntry | null;
}

export class SymbolTable {
  constructor(readonly funcs: FuncEntry[], readonly lines: LineEntry[]) {}

  /** Decodes the debug table of `elf`, or builds a functions-only table from its FUNC symbols. */
  static fromElf(elf: Elf): SymbolTable {
    const sym = elf.symbols().find((s) => s.name === DEBUG_TABLE_SYMBOL);
    if (sym) return decodeTable(elf, sym.value);
    const funcs = elf.symbols()
      .filter((s) => s.type === STT_FUNC && s.value !== 0n)
      .map((s) => ({ name: s.name, start: s.value, size: s.size }))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    return new SymbolTable(funcs, []);
  }

  lookup(addr: bigint): Location {
    const fi = lastAtOrBefore(this.funcs, addr, (f) => f.start);
    const f = fi >= 0 ? this.funcs[fi] : null;
    const func = f && addr < f.start + (f.size === 0n ? 1n : f.size) ? f : null;
    const li = lastAtOrBefore(this.lines, addr, (l) => l.addr);
    // A row belongs to the function it is in: never report the previous function's last line.
    const line = func && li >= 0 && this.lines[li].addr >= func.start ? this.lines[li] : null;
    return { addr, func, line };
  }
}

/** The index of the last element whose key is <= addr (elements sorted by key), or -1. */
function lastAtOrBefore<T>(xs: T[], addr: bigint, key: (x: T) => bigint): number {
  let lo = 0;
  let hi = xs.length; // answer in [lo - 1, hi - 1]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]) <= addr) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

function decodeTable(elf: Elf, addr: bigint): SymbolTable {
  const at = elf.offsetOf(addr);
  const bad = (why: string): never => {
    throw new ToolError(`${elf.path}: its ${DEBUG_TABLE_SYMBOL} is ${why}`);
  };
  if (at === null || at + DEBUG_TABLE_HEADER > elf.bytes.length) return bad('outside the file');
  if (elf.u32(at) !== DEBUG_TABLE_MAGIC) return bad('not a tskc debug table (bad magic)');
  if (elf.u32(at + 4) !== DEBUG_TABLE_VERSION) return bad(`version ${elf.u32(at + 4)}; this tskc reads version ${DEBUG_TABLE_VERSION}`);
  const base = elf.u64(at + 8);
  const [nfuncs, nrows, nruns, nsiteRuns, nsites] = [16, 20, 24, 28, 32].map((o) => elf.u32(at + o));
  const funcsAt = at + DEBUG_TABLE_HEADER;
  const rowsAt = funcsAt + 12 * nfuncs;
  const runsAt = rowsAt + 8 * nrows;
  const siteRunsAt = runsAt + 8 * nruns;
  const sitesAt = siteRunsAt + 8 * nsiteRuns;
  if (sitesAt + 16 * nsites > elf.bytes.length) return bad('truncated');
  const str = (off: number): string => {
    const len = Number(elf.u64(at + off));
    return new TextDecoder().decode(elf.bytes.subarray(at + off + 8, at + off + 8 + len));
  };
  const funcs: FuncEntry[] = [];
  for (let i = 0; i < nfuncs; i++) {
    const e = funcsAt + 12 * i;
    funcs.push({ start: base + BigInt(elf.u32(e)), size: BigInt(elf.u32(e + 4)), name: str(elf.u32(e + 8)) });
  }
  const runs: { first: number; file: string }[] = [];
  for (let i = 0; i < nruns; i++) runs.push({ first: elf.u32(runsAt + 8 * i), file: str(elf.u32(runsAt + 8 * i + 4)) });
  // Sites refer to earlier sites only (a parent is entered before its children).
  const sites: InlineSite[] = [];
  for (let i = 0; i < nsites; i++) {
    const e = sitesAt + 16 * i;
    const packed = elf.u32(e + 8);
    const parent = elf.u32(e + 12);
    if (parent > i) return bad('malformed (an inline site refers to a later one)');
    sites.push({ callee: str(elf.u32(e)), file: str(elf.u32(e + 4)), line: packed & 0xfffff, col: packed >>> 20, parent: parent === 0 ? null : sites[parent - 1]! });
  }
  const siteRuns: { first: number; site: number }[] = [];
  for (let i = 0; i < nsiteRuns; i++) siteRuns.push({ first: elf.u32(siteRunsAt + 8 * i), site: elf.u32(siteRunsAt + 8 * i + 4) });
  const lines: LineEntry[] = [];
  let run = 0;
  let siteRun = -1;
  for (let i = 0; i < nrows; i++) {
    while (run + 1 < runs.length && runs[run + 1].first <= i) run++;
    while (siteRun + 1 < siteRuns.length && siteRuns[siteRun + 1].first <= i) siteRun++;
    const packed = elf.u32(rowsAt + 8 * i + 4);
    const site = siteRun >= 0 ? siteRuns[siteRun].site : 0;
    lines.push({
      addr: base + BigInt(elf.u32(rowsAt + 8 * i)), file: runs[run]?.file ?? '?', line: packed & 0xfffff, col: packed >>> 20,
      site: site === 0 ? null : (sites[site - 1] ?? bad('malformed (a row names a site that does not exist)')),
    });
  }
  return new SymbolTable(funcs, lines);
}

/** One line of `tskc symbolize` output for a location. */
export function formatLocation(loc: Location): string {
  const hex = `0x${loc.addr.toString(16)}`;
  if (!loc.func) return `${hex}: ?? (no function contains this address)`;
  const off = loc.addr - loc.func.start;
  const where = loc.line ? ` at ${loc.line.file}:${loc.line.line}:${loc.line.col}` : '';
  const func = `${loc.func.name}${off ? `+0x${off.toString(16)}` : ''}`;
  const site = loc.line?.site;
  if (!site) return `${hex}: ${func}${where}`;
  // Inlined code: the function it came from, then each call it was copied into.
  const chain: string[] = [];
  for (let s: InlineSite | null = site; s; s = s.parent) chain.push(`inlined into ${s.parent ? s.parent.callee : func} at ${s.file}:${s.line}:${s.col}`);
  return `${hex}: ${site.callee}${where} (${chain.join(', ')})`;
}
