// Host test of kernel/mm/memmap.ts and bootinfo.ts: prints the sanitised
// fake map (checked line by line by memmap.test.ts), then checks the
// sanitiser on seeded random maps against a brute-force model: the start of
// every 256-byte unit must get the strongest type of the entries covering it.
import { readE820 } from '../../kernel/mm/bootinfo';
import { E820_USABLE, PAGE_SIZE, RegionList, sanitize } from '../../kernel/mm/memmap';
import { below, readNumber, seed } from './hostlib';
import { fakeBootInfo } from './fakeinfo';

const raw = new RegionList();
const out = new RegionList();
readE820(fakeBootInfo(), raw);
sanitize(raw, out);
for (let i = 0; i < out.count; i++) console.log(`region ${out.base[i]} ${out.end[i]} ${out.type[i]}`);
console.log(`usable ${out.bytesOf(E820_USABLE)}`);

const UNIT: u64 = 256;
const UNITS: u64 = 1024; // a 256 KiB address space keeps the model small
const strongest = new Uint32Array(1024);

function rank(t: u32): i32 {
  if (t == 1) return 1;
  if (t == 3) return 2;
  if (t == 4) return 3;
  if (t == 5) return 5;
  return t == 0 ? 0 : 4;
}

/** The type the sanitised map gives address a (0 for a hole). */
function typeAt(m: RegionList, a: u64): u32 {
  for (let i = 0; i < m.count; i++) if (m.base[i] <= a && a < m.end[i]) return m.type[i];
  return 0;
}

/** Whether an entry that is not usable overlaps [b, e). */
function claimedByOthers(b: u64, e: u64): bool {
  for (let i = 0; i < raw.count; i++) if (raw.type[i] != E820_USABLE && raw.base[i] < e && b < raw.end[i]) return true;
  return false;
}

const rounds = readNumber();
seed(readNumber());
for (let r: u64 = 0; r < rounds; r++) {
  raw.clear();
  const n = 1 + below(40);
  for (let i: u64 = 0; i < n; i++) {
    // Usable entries are unit-aligned (so the model knows exactly which pages
    // they cover); the others may start and end anywhere.
    const type = u32(1 + below(6));
    const odd = type != E820_USABLE && below(4) == 0;
    const base = below(UNITS) * UNIT + (odd ? below(UNIT) : 0);
    const len = odd ? 1 + below(UNITS / 4 * UNIT) : (1 + below(UNITS / 4)) * UNIT;
    raw.add(base, len, type);
  }
  sanitize(raw, out);
  for (let u: u64 = 0; u < UNITS; u++) strongest[i32(u)] = 0;
  for (let i = 0; i < raw.count; i++) {
    for (let u: u64 = 0; u < UNITS; u++) {
      const a = u * UNIT;
      if (raw.base[i] <= a && a < raw.end[i] && rank(raw.type[i]) > rank(strongest[i32(u)])) strongest[i32(u)] = raw.type[i];
    }
  }
  for (let i = 0; i < out.count; i++) {
    assert(out.base[i] < out.end[i], 'empty region');
    if (i > 0) assert(out.end[i - 1] <= out.base[i], 'regions unsorted or overlapping');
    if (i > 0 && out.end[i - 1] == out.base[i]) assert(out.type[i - 1] != out.type[i], 'adjacent regions of one type not merged');
    if (out.type[i] == E820_USABLE) assert((out.base[i] | out.end[i]) % PAGE_SIZE == 0, 'usable region not page aligned');
  }
  for (let u: u64 = 0; u < UNITS; u++) {
    const want = strongest[i32(u)];
    const got = typeAt(out, u * UNIT);
    if (want == E820_USABLE) {
      // Usable units survive unless their page is not wholly usable.
      assert(got == E820_USABLE || got == 0, 'usable memory given another type');
    } else if (want != 0) {
      assert(got == want, 'unit has the wrong type after sanitising');
    }
    if (got == E820_USABLE) assert(want == E820_USABLE, 'non-usable memory reported usable');
  }
  for (let p: u64 = 0; p < UNITS * UNIT / PAGE_SIZE; p++) {
    // A page that is wholly usable (every unit usable, no other entry touching it) must stay usable.
    const pb = p * PAGE_SIZE;
    let whole = !claimedByOthers(pb, pb + PAGE_SIZE);
    for (let a = pb; a < pb + PAGE_SIZE; a += UNIT) if (strongest[i32(a / UNIT)] != E820_USABLE) whole = false;
    if (whole) assert(typeAt(out, pb) == E820_USABLE, 'a wholly usable page was lost');
  }
}
console.log(`random maps ok ${rounds}`);
