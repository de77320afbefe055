// Host test of kernel/mm/paging.ts over the fake machine's frame allocator:
// seeded random map/unmap/protect sequences in four distant areas of the
// address space (low user, high user, the kernel half, the top 2 GiB)
// against a model, checking translate and flags for every live mapping and
// for unmapped pages, the TLB flush hook, the USER bit of intermediate
// tables, and that freeing the tables returns every frame.
import { framesFree } from '../../kernel/mm/frames';
import {
  ADDR_MASK, flagsOf, freeTables, map, newTable, NO_EXECUTE, NOT_MAPPED, protect, setTlbFlush, translate, unmap, USER,
  WRITABLE, GLOBAL, canonical, PRESENT,
} from '../../kernel/mm/paging';
import { physToVirt } from '../../kernel/mm/phys';
import { below, readNumber, seed } from './hostlib';
import { setupFrames } from './hostmap';

const CAP: i32 = 3000;
const mv = new Uint64Array(3000); // the model: virtual page, physical frame, flags
const mp = new Uint64Array(3000);
const mf = new Uint64Array(3000);
let live: i32 = 0;
let flushes: u64 = 0;
let lastFlush: u64 = 0;
let lastFlushTables: u64 = 0;

function countFlush(pml4: u64, lo: u64, hi: u64): void {
  flushes++;
  lastFlushTables = pml4;
  lastFlush = hi - lo == 4096 ? lo : 1; // one page at a time (1: never a page address)
}

function area(k: u64): u64 {
  if (k == 0) return 0x40_0000;
  if (k == 1) return 0x7fff_0000_0000;
  if (k == 2) return 0xffff_8000_0000_0000;
  return 0xffff_ffff_8000_0000;
}

/** A random page in one of the areas (a few thousand pages each, spanning several tables). */
function randomVirt(): u64 {
  return area(below(4)) + below(3000) * 4096 + (below(8) == 0 ? below(512) * 0x20_0000 : 0);
}

function randomFlags(): u64 {
  let f: u64 = 0;
  if (below(2) == 0) f = f | WRITABLE;
  if (below(3) == 0) f = f | USER;
  if (below(2) == 0) f = f | NO_EXECUTE;
  if (below(5) == 0) f = f | GLOBAL;
  return f;
}

function find(virt: u64): i32 {
  for (let i = 0; i < live; i++) if (mv[i] == virt) return i;
  return -1;
}

/** Whether a user access to virt would pass every level's USER bit (read from the tables). */
function userPath(pml4: u64, virt: u64): bool {
  let table = pml4;
  for (let level = 4; level >= 1; level--) {
    const e = load<u64>(physToVirt(table) + usize((virt >> u64(12 + 9 * (level - 1))) & 511) * 8);
    if ((e & PRESENT) == 0 || (e & USER) == 0) return false;
    table = e & ADDR_MASK;
  }
  return true;
}

function checkAll(pml4: u64): void {
  for (let i = 0; i < live; i++) {
    const off = below(4096);
    assert(translate(pml4, mv[i] + off) == mp[i] + off, 'translate differs from the model');
    assert(flagsOf(pml4, mv[i]) == mf[i], 'flags differ from the model');
    assert(userPath(pml4, mv[i]) == ((mf[i] & USER) != 0), 'USER access along the path differs from the leaf');
  }
}

setupFrames();
setTlbFlush(countFlush);
const baseline = framesFree();
const pml4 = newTable();
const rounds = readNumber();
seed(readNumber());
for (let r: u64 = 0; r < rounds; r++) {
  const roll = below(100);
  const v = randomVirt();
  const k = find(v);
  if (roll < 50 && live < CAP) {
    if (k >= 0) continue;
    const p = below(u64(1) << 40) * 4096;
    const f = randomFlags();
    assert(map(pml4, v, p, f), 'map ran out of frames');
    mv[live] = v;
    mp[live] = p;
    mf[live] = f;
    live++;
  } else if (roll < 75) {
    const j = live > 0 && below(2) == 0 ? i32(below(u64(live))) : k; // mostly mapped pages
    const u = j >= 0 ? mv[j] : v;
    const before = flushes;
    const got = unmap(pml4, u + below(4096));
    if (j < 0) {
      assert(got == NOT_MAPPED && flushes == before, 'unmap of an unmapped page did something');
    } else {
      assert(got == mp[j], 'unmap returned the wrong frame');
      assert(flushes == before + 1 && lastFlush == u && lastFlushTables == pml4, 'unmap did not flush the page of its tables');
      live--;
      mv[j] = mv[live];
      mp[j] = mp[live];
      mf[j] = mf[live];
    }
  } else if (roll < 90) {
    const f = randomFlags();
    const ok = protect(pml4, v, f);
    assert(ok == (k >= 0), 'protect of a page reported the wrong result');
    if (k >= 0) mf[k] = f;
  } else {
    assert((translate(pml4, v) == NOT_MAPPED) == (k < 0), 'translate disagrees on whether a page is mapped');
  }
  if (r % 500 == 0) checkAll(pml4);
}
checkAll(pml4);
assert(translate(pml4, 0x8000_0000_0000) == NOT_MAPPED && !canonical(0x8000_0000_0000), 'non-canonical address translated');
freeTables(pml4);
assert(framesFree() == baseline, 'page tables leaked frames');
console.log(`paging ok ${rounds} live ${live}`);
