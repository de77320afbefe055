// Host test of a user space's page tables (kernel/mm/usertables.ts through
// aspace.ts): tables are counted as they are made, unmapUserRange frees
// those it leaves empty (and only those), a map/unmap loop holds no frame
// more after any number of rounds, a space's limit covers its pages and its
// tables together, and unmapping a vast range costs what is mapped there.
import { framesFree, framesRelease } from '../../kernel/mm/frames';
import { AddressSpace, charged, createAddressSpace, mapUser, setKernelSpace, unmapUserRange, USER_END, USER_START } from '../../kernel/mm/aspace';
import { map, newTable, NO_EXECUTE, NOT_MAPPED, translate, WRITABLE } from '../../kernel/mm/paging';
import { destroyAddressSpace } from '../../kernel/mm/teardown';
import { map as physMap, reserved, setupFrames } from './hostmap';

const RW_NX: u64 = WRITABLE | NO_EXECUTE;
const MMAP: u64 = 0x4100_0000_0000;

function mapRun(as: AddressSpace, va: u64, pages: u64): bool {
  for (let i: u64 = 0; i < pages; i++) if (!mapUser(as, va + i * 4096, RW_NX)) return false;
  return true;
}

/** Tables: one PDPT, one PD, and a PT per 2 MiB region the run touches; unmapping it all frees them all. */
function countsAndFrees(): void {
  const as = createAddressSpace();
  const before = framesFree();
  assert(mapRun(as, MMAP + 0x1f_f000, 3), 'map failed'); // straddles two 2 MiB regions
  assert(as.pages == 3 && as.tables == 4, 'a 3-page run over two regions: 3 pages, PDPT + PD + 2 PTs');
  assert(framesFree() == before - 7, 'frames taken are not pages + tables');
  unmapUserRange(as, MMAP + 0x20_0000, MMAP + 0x20_2000); // the upper region's pages: its PT goes
  assert(as.pages == 1 && as.tables == 3, 'the emptied PT is not freed, or the other one is');
  assert(translate(as.pml4, MMAP + 0x1f_f000) != NOT_MAPPED, 'the page that stays was unmapped');
  assert(mapRun(as, MMAP + 0x20_0000, 1), 'map into a freed table\'s region failed'); // the remembered table must not be reused
  assert(as.tables == 4 && translate(as.pml4, MMAP + 0x20_0000) != NOT_MAPPED, 'no fresh table after a free');
  unmapUserRange(as, MMAP, MMAP + 0x40_0000);
  assert(as.pages == 0 && as.tables == 0 && framesFree() == before, 'tables left after unmapping everything');
  // Far apart: the top of user space needs its own PDPT and PD.
  assert(mapRun(as, USER_START, 1) && mapRun(as, USER_END - 4096, 1), 'map failed');
  assert(as.tables == 6, 'two far pages: two PDPTs, two PDs, two PTs');
  unmapUserRange(as, USER_END - 4096, USER_END);
  assert(as.tables == 3 && translate(as.pml4, USER_START) != NOT_MAPPED, 'unmapping the top freed the bottom');
  destroyAddressSpace(as);
}

/** 200 rounds of mapping 3 MiB and unmapping it, each further up: frames and tables come back every round. */
function loop(): void {
  const as = createAddressSpace();
  const before = framesFree();
  for (let r: u64 = 0; r < 200; r++) {
    const va = MMAP + r * 0x30_0000;
    assert(mapRun(as, va, 768), 'map failed in the loop');
    unmapUserRange(as, va, va + 0x30_0000);
    assert(as.pages == 0 && as.tables == 0 && framesFree() == before, 'a map/unmap round kept frames');
  }
  destroyAddressSpace(as);
}

/** A limit of 40: 37 pages fit beside their PDPT, PD and PT, the 38th does not; an unmap makes room for a page, not a page and a table. */
function limit(): void {
  const as = createAddressSpace();
  as.limit = 40;
  assert(mapRun(as, MMAP, 37), 'pages within the limit refused');
  assert(charged(as) == 40 && !mapUser(as, MMAP + 37 * 4096, RW_NX), 'a page beyond the limit was mapped');
  assert(!mapUser(as, MMAP + 0x20_0000, RW_NX) && as.tables == 3, 'a table beyond the limit was made');
  unmapUserRange(as, MMAP, MMAP + 4096);
  assert(!mapUser(as, MMAP + 0x20_0000, RW_NX) && charged(as) == 39, 'room for a page, but not for the table it needs');
  assert(mapUser(as, MMAP + 4096 * 100, RW_NX) && charged(as) == 40, 'no room after an unmap');
  destroyAddressSpace(as);
}

/** Unmapping all of user space (2^34 pages) visits only the tables there are: it ends at once. */
function wholeHalf(): void {
  const as = createAddressSpace();
  assert(mapRun(as, MMAP + 0x1234_5000, 2) && mapRun(as, USER_END - 4096, 1) && mapRun(as, USER_START, 1), 'map failed');
  unmapUserRange(as, USER_START, USER_END);
  assert(as.pages == 0 && as.tables == 0, 'pages or tables left after unmapping the whole user half');
  destroyAddressSpace(as);
}

setupFrames();
framesRelease(physMap, reserved);
const kernel = newTable();
for (let a: u64 = 0x10_0000; a < 0x20_0000; a += 4096) assert(map(kernel, a, a, RW_NX), 'kernel map failed');
setKernelSpace(kernel);
const baseline = framesFree();
countsAndFrees();
loop();
limit();
wholeHalf();
assert(framesFree() == baseline, 'user tables leaked frames');
console.log('usertables ok');
