// In-kernel symbolization: the TS function and line of a code address, read
// from the debug table the compiler puts in .rodata (debugTable(); layout in
// docs/debugging.md, "The debug table"). Lookups are binary searches and
// allocate nothing, so panics and exception handlers can use them.

const HEADER: usize = 32;
const FUNC_BYTES: usize = 12;
const ROW_BYTES: usize = 8;
const RUN_BYTES: usize = 8;
const LINE_MASK: u32 = 0xfffff;

function count(at: usize): usize {
  return usize(load<u32>(debugTable() + at));
}

function funcsAt(): usize {
  return debugTable() + HEADER;
}

function rowsAt(): usize {
  return funcsAt() + FUNC_BYTES * count(16);
}

function runsAt(): usize {
  return rowsAt() + ROW_BYTES * count(20);
}

function textBase(): usize {
  return load<usize>(debugTable() + 8);
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
function funcEntry(addr: usize): usize {
  const base = textBase();
  if (addr < base) return 0;
  const n = count(16);
  const i = lastAtOrBefore(funcsAt(), FUNC_BYTES, n, addr - base);
  if (i == n) return 0;
  const e = funcsAt() + i * FUNC_BYTES;
  const start = base + usize(load<u32>(e));
  return addr < start + usize(load<u32>(e + 4)) ? e : 0;
}

/** The index of the row holding `addr`, inside the function containing it, or the row count if none. */
function rowIndex(addr: usize): usize {
  const n = count(20);
  const f = funcEntry(addr);
  if (f == 0) return n;
  const base = textBase();
  const i = lastAtOrBefore(rowsAt(), ROW_BYTES, n, addr - base);
  if (i == n || load<u32>(rowsAt() + i * ROW_BYTES) < load<u32>(f)) return n;
  return i;
}

function tableString(offset: u32): string {
  return changetype<string>(debugTable() + usize(offset));
}

/** The name of the function containing code address `addr`, or '' outside every function. */
export function functionName(addr: usize): string {
  const f = funcEntry(addr);
  return f == 0 ? '' : tableString(load<u32>(f + 8));
}

/** The start address of the function containing `addr`, or 0. */
export function functionStart(addr: usize): usize {
  const f = funcEntry(addr);
  return f == 0 ? 0 : textBase() + usize(load<u32>(f));
}

/** The TS line of the instruction at `addr`, or 0 outside TS code. */
export function sourceLine(addr: usize): i32 {
  const i = rowIndex(addr);
  if (i == count(20)) return 0;
  return i32(load<u32>(rowsAt() + i * ROW_BYTES + 4) & LINE_MASK);
}

/** The TS file of the instruction at `addr` (as the compiler named it), or '' outside TS code. */
export function sourceFile(addr: usize): string {
  const i = rowIndex(addr);
  if (i == count(20)) return '';
  // The last run whose first row is <= i (runs are sorted by first row).
  const r = lastAtOrBefore(runsAt(), RUN_BYTES, count(24), i);
  return tableString(load<u32>(runsAt() + r * RUN_BYTES + 4));
}
