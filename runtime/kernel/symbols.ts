// In-kernel symbolization: the TS function and line of a code address, read
// from the debug table the compiler puts in .rodata (debugTable(); layout in
// docs/debugging.md, "The debug table"). Lookups are binary searches and
// allocate nothing, so panics and exception handlers can use them. Code the
// inliner copied has an inline site: the function it came from and the call
// it replaced, itself maybe inside another site (inlineSiteIn and site*). The
// `...In` forms read another program's table (a user program's, which the
// kernel names fault locations with); the others read the kernel's own.

const HEADER: usize = 40;
const FUNC_BYTES: usize = 12;
const ROW_BYTES: usize = 8;
const RUN_BYTES: usize = 8;
const SITE_BYTES: usize = 16;
const LINE_MASK: u32 = 0xfffff;

function count(t: usize, at: usize): usize {
  return usize(load<u32>(t + at));
}

function funcsAt(t: usize): usize {
  return t + HEADER;
}

function rowsAt(t: usize): usize {
  return funcsAt(t) + FUNC_BYTES * count(t, 16);
}

function runsAt(t: usize): usize {
  return rowsAt(t) + ROW_BYTES * count(t, 20);
}

function siteRunsAt(t: usize): usize {
  return runsAt(t) + RUN_BYTES * count(t, 24);
}

function sitesAt(t: usize): usize {
  return siteRunsAt(t) + RUN_BYTES * count(t, 28);
}

function textBase(t: usize): usize {
  return load<usize>(t + 8);
}

/** The index of the last entry of `n` (each `size` bytes at `at`, u32 key first) with key <= key, or n if none. */
function lastAtOrBefore(at: usize, size: usize, n: usize, key: usize): usize {
  let lo: usize = 0;
  let hi: usize = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (usize(load<u32>(at + mid * size)) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo == 0 ? n : lo - 1;
}

/** The table entry (address) of the function containing `addr`, or 0. */
function funcEntry(t: usize, addr: usize): usize {
  const base = textBase(t);
  if (addr < base) return 0;
  const n = count(t, 16);
  const i = lastAtOrBefore(funcsAt(t), FUNC_BYTES, n, addr - base);
  if (i == n) return 0;
  const e = funcsAt(t) + i * FUNC_BYTES;
  const start = base + usize(load<u32>(e));
  return addr < start + usize(load<u32>(e + 4)) ? e : 0;
}

/** The index of the row holding `addr`, inside the function containing it, or the row count if none. */
function rowIndex(t: usize, addr: usize): usize {
  const n = count(t, 20);
  const f = funcEntry(t, addr);
  if (f == 0) return n;
  const base = textBase(t);
  const i = lastAtOrBefore(rowsAt(t), ROW_BYTES, n, addr - base);
  if (i == n || load<u32>(rowsAt(t) + i * ROW_BYTES) < load<u32>(f)) return n;
  return i;
}

function tableString(t: usize, offset: u32): string {
  return changetype<string>(t + usize(offset));
}

/** The name of the function containing code address `addr`, or '' outside every function. */
export function functionNameIn(t: usize, addr: usize): string {
  const f = funcEntry(t, addr);
  return f == 0 ? '' : tableString(t, load<u32>(f + 8));
}

/** The start address of the function containing `addr`, or 0. */
export function functionStartIn(t: usize, addr: usize): usize {
  const f = funcEntry(t, addr);
  return f == 0 ? 0 : textBase(t) + usize(load<u32>(f));
}

/** The TS line of the instruction at `addr`, or 0 outside TS code. */
export function sourceLineIn(t: usize, addr: usize): i32 {
  const i = rowIndex(t, addr);
  if (i == count(t, 20)) return 0;
  return i32(load<u32>(rowsAt(t) + i * ROW_BYTES + 4) & LINE_MASK);
}

/** The TS file of the instruction at `addr` (as the compiler named it), or '' outside TS code. */
export function sourceFileIn(t: usize, addr: usize): string {
  const i = rowIndex(t, addr);
  if (i == count(t, 20)) return '';
  // The last run whose first row is <= i (runs are sorted by first row).
  const r = lastAtOrBefore(runsAt(t), RUN_BYTES, count(t, 24), i);
  return tableString(t, load<u32>(runsAt(t) + r * RUN_BYTES + 4));
}

/**
 * The inline site of the instruction at `addr`: 0 when it is the containing
 * function's own code, else a number for siteCalleeIn and the others.
 */
export function inlineSiteIn(t: usize, addr: usize): u32 {
  const i = rowIndex(t, addr);
  const n = count(t, 28);
  if (i == count(t, 20) || n == 0) return 0;
  const r = lastAtOrBefore(siteRunsAt(t), RUN_BYTES, n, i);
  return r == n ? 0 : load<u32>(siteRunsAt(t) + r * RUN_BYTES + 4);
}

function siteField(t: usize, site: u32, offset: usize): u32 {
  return load<u32>(sitesAt(t) + usize(site - 1) * SITE_BYTES + offset);
}

/** The function whose code was copied at inline site `site` (nonzero). */
export function siteCalleeIn(t: usize, site: u32): string {
  return tableString(t, siteField(t, site, 0));
}

/** The file of the call that inline site `site` replaced. */
export function siteFileIn(t: usize, site: u32): string {
  return tableString(t, siteField(t, site, 4));
}

/** The line of the call that inline site `site` replaced. */
export function siteLineIn(t: usize, site: u32): i32 {
  return i32(siteField(t, site, 8) & LINE_MASK);
}

/** The site the call of `site` was itself copied at, or 0 (it is in the containing function's own code). */
export function siteParentIn(t: usize, site: u32): u32 {
  return siteField(t, site, 12);
}

/** The name of the function containing code address `addr` of the kernel, or ''. */
export function functionName(addr: usize): string {
  return functionNameIn(debugTable(), addr);
}

/** The start address of the kernel function containing `addr`, or 0. */
export function functionStart(addr: usize): usize {
  return functionStartIn(debugTable(), addr);
}

/** The TS line of the kernel instruction at `addr`, or 0. */
export function sourceLine(addr: usize): i32 {
  return sourceLineIn(debugTable(), addr);
}

/** The TS file of the kernel instruction at `addr`, or ''. */
export function sourceFile(addr: usize): string {
  return sourceFileIn(debugTable(), addr);
}
