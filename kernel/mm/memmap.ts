// Physical memory maps: a fixed-capacity list of [base, end) regions with a
// type, and the sanitiser that turns the firmware's E820 list (unsorted,
// possibly overlapping) into a sorted, disjoint map whose usable regions are
// whole 4 KiB pages. Pure code with no intrinsics beyond memory: it compiles
// for the kernel and, in test/mm/, for the host. See docs/memory-map.md.

export const PAGE_SIZE: u64 = 4096;
/** x86-64 physical addresses have at most 52 bits; every region is clipped to this. */
export const PHYS_LIMIT: u64 = 0x10_0000_0000_0000;
/** How many regions a RegionList holds (two per E820 entry, plus one). */
export const REGION_CAPACITY: i32 = 257;

// E820 types (ACPI): what the firmware says a range is.
export const E820_USABLE: u32 = 1;
export const E820_RESERVED: u32 = 2;
export const E820_ACPI_RECLAIMABLE: u32 = 3;
export const E820_ACPI_NVS: u32 = 4;
export const E820_BAD: u32 = 5;

/** A list of physical regions [base, end) with their E820 types. */
export class RegionList {
  count: i32 = 0;
  readonly base = new Uint64Array(257);
  readonly end = new Uint64Array(257);
  readonly type = new Uint32Array(257);

  clear(): void {
    this.count = 0;
  }

  /** Appends [base, base + length) clipped to PHYS_LIMIT; empty ranges are dropped. */
  add(base: u64, length: u64, type: u32): void {
    if (length == 0 || base >= PHYS_LIMIT) return;
    let end = base + length;
    if (end < base || end > PHYS_LIMIT) end = PHYS_LIMIT; // wrapped past 2^64, or beyond 52 bits
    if (this.count >= REGION_CAPACITY) throw new Error('memory map: too many regions');
    this.base[this.count] = base;
    this.end[this.count] = end;
    this.type[this.count] = type;
    this.count++;
  }

  /** Total bytes of the regions of `type`. */
  bytesOf(type: u32): u64 {
    let sum: u64 = 0;
    for (let i = 0; i < this.count; i++) if (this.type[i] == type) sum += this.end[i] - this.base[i];
    return sum;
  }

  /** The end of the highest region of `type` (0 if there is none). */
  topOf(type: u32): u64 {
    let top: u64 = 0;
    for (let i = 0; i < this.count; i++) if (this.type[i] == type && this.end[i] > top) top = this.end[i];
    return top;
  }

  /** Whether [base, end) overlaps any region of the list (types ignored). */
  overlaps(base: u64, end: u64): bool {
    for (let i = 0; i < this.count; i++) if (this.base[i] < end && base < this.end[i]) return true;
    return false;
  }
}

/** How strongly a type claims memory when entries overlap: usable is weakest, bad memory strongest. */
function rank(type: u32): i32 {
  if (type == E820_USABLE) return 1;
  if (type == E820_ACPI_RECLAIMABLE) return 2;
  if (type == E820_ACPI_NVS) return 3;
  if (type == E820_BAD) return 5;
  return 4; // reserved, and any type we do not know
}

/** Sorts the first n values of a (insertion sort: n is at most a few hundred). */
function sortU64(a: Uint64Array, n: i32): void {
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

const points = new Uint64Array(514); // scratch: every region's base and end

/**
 * Writes the sanitised form of `raw` into `out`: sorted, disjoint, adjacent
 * regions of one type merged, overlaps resolved in favour of the stronger
 * type (bad > reserved > ACPI NVS > ACPI reclaimable > usable), and usable
 * regions shrunk inward to whole pages (slivers of less than a page vanish).
 */
export function sanitize(raw: RegionList, out: RegionList): void {
  out.clear();
  let n = 0;
  for (let i = 0; i < raw.count; i++) {
    points[n++] = raw.base[i];
    points[n++] = raw.end[i];
  }
  sortU64(points, n);
  // Each elementary interval between consecutive distinct points takes the
  // strongest type of the entries covering it; holes stay holes.
  for (let k = 0; k + 1 < n; k++) {
    const lo = points[k];
    const hi = points[k + 1];
    if (lo == hi) continue;
    let best: i32 = 0;
    let type: u32 = 0;
    for (let i = 0; i < raw.count; i++) {
      if (raw.base[i] <= lo && raw.end[i] >= hi && rank(raw.type[i]) > best) {
        best = rank(raw.type[i]);
        type = raw.type[i];
      }
    }
    if (best == 0) continue;
    const last = out.count - 1;
    if (last >= 0 && out.end[last] == lo && out.type[last] == type) out.end[last] = hi;
    else out.add(lo, hi - lo, type);
  }
  // Usable regions: whole pages only.
  let w = 0;
  for (let i = 0; i < out.count; i++) {
    let base = out.base[i];
    let end = out.end[i];
    if (out.type[i] == E820_USABLE) {
      base = (base + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
      end = end & ~(PAGE_SIZE - 1);
      if (end <= base) continue;
    }
    out.base[w] = base;
    out.end[w] = end;
    out.type[w] = out.type[i];
    w++;
  }
  out.count = w;
}
