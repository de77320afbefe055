// Host test of kernel/mm/aspace.ts and the 2 MiB pages of paging.ts over the
// fake machine's frame allocator. A "kernel" PML4 with 4 KiB and 2 MiB
// identity pages stands in for the kernel's; then seeded random rounds create
// address spaces, map and unmap user pages, and check against a model that
// frames come zeroed and are distinct, the kernel's mappings are shared (also
// ones added later), userRange/userAccessible agree with the model, and that
// destroying every space and freeing the kernel tables returns every frame.
// First framesRelease must hand out exactly the frames held back.
import { framesFree, framesHeld, framesRelease, framesTotal } from '../../kernel/mm/frames';
import {
  AddressSpace, createAddressSpace, mapUser, setKernelSpace, unmapUser, userAccessible, userRange,
  USER_END, USER_START,
} from '../../kernel/mm/aspace';
import {
  flagsOf, freeTables, HUGE, map, mapHuge, newTable, NO_EXECUTE, NOT_MAPPED, protect, translate, unmap, USER, walk, WRITABLE,
} from '../../kernel/mm/paging';
import { physToVirt } from '../../kernel/mm/phys';
import { destroyAddressSpace } from '../../kernel/mm/teardown';
import { below, readNumber, seed } from './hostlib';
import { map as physMap, reserved, setupFrames } from './hostmap';

const MAX_PAGES: i32 = 64;
const spaces: AddressSpace[] = [new AddressSpace(), new AddressSpace(), new AddressSpace(), new AddressSpace()];
const pages = new Uint64Array(4 * 64); // the model: user pages of space s at [s * 64, s * 64 + count[s])
const flags = new Uint64Array(4 * 64);
const count = new Int32Array(4);
const RW_NX: u64 = WRITABLE | NO_EXECUTE;

function hugePages(kernel: u64): void {
  // 2 MiB pages: translate keeps the offset, flags are the leaf's, and
  // unmap/protect of one 4 KiB page splits the 2 MiB page and leaves the rest.
  assert(mapHuge(kernel, 0x4000_0000, 0x20_0000, RW_NX), 'mapHuge failed');
  assert(mapHuge(kernel, 0x4020_0000, 0x40_0000, 0), 'mapHuge failed');
  assert((walk(kernel, 0x4000_0000) & HUGE) != 0, 'no 2 MiB entry');
  assert(translate(kernel, 0x401f_fff8) == 0x3f_fff8, '2 MiB translate');
  assert(flagsOf(kernel, 0x4000_5000) == RW_NX, '2 MiB flags');
  assert(unmap(kernel, 0x4000_5123) == 0x20_5000, 'unmap inside a 2 MiB page');
  assert(translate(kernel, 0x4000_5000) == NOT_MAPPED, 'unmapped page still mapped after a split');
  assert((walk(kernel, 0x4000_4000) & HUGE) == 0, 'not split');
  for (let a: u64 = 0; a < 0x20_0000; a += 4096) {
    if (a == 0x5000) continue;
    assert(translate(kernel, 0x4000_0000 + a + 8) == 0x20_0000 + a + 8, 'split changed a translation');
    assert(flagsOf(kernel, 0x4000_0000 + a) == RW_NX, 'split changed flags');
  }
  assert(protect(kernel, 0x4020_1000, NO_EXECUTE), 'protect inside a 2 MiB page');
  assert(flagsOf(kernel, 0x4020_1000) == NO_EXECUTE && flagsOf(kernel, 0x4020_2000) == 0, 'protect after a split');
  assert(translate(kernel, 0x4020_1010) == 0x40_1010, 'protect changed the frame');
}

function userPage(): u64 {
  // Three regions: the bottom of user space, the top, and one in between spanning several tables.
  const k = below(3);
  if (k == 0) return USER_START + below(64) * 4096;
  if (k == 1) return USER_END - (1 + below(64)) * 4096;
  return 0x5555_0000_0000 + below(1 << 12) * 0x10_0000;
}

function findPage(s: i32, va: u64): i32 {
  for (let i = 0; i < count[s]; i++) if (pages[s * MAX_PAGES + i] == va) return i;
  return -1;
}

function checkSpace(s: i32, kernel: u64): void {
  const as = spaces[s];
  assert(as.pages == u64(count[s]), 'page count differs from the model');
  assert(translate(as.pml4, 0x10_1000) == 0x10_1000 && translate(as.pml4, 0x4000_5000) == NOT_MAPPED, 'kernel mappings not shared');
  assert(translate(as.pml4, 0x4800_0000) == translate(kernel, 0x4800_0000), 'kernel mapping added later not shared');
  for (let i = 0; i < count[s]; i++) {
    const va = pages[s * MAX_PAGES + i];
    const f = translate(as.pml4, va);
    assert(f != NOT_MAPPED, 'user page not mapped');
    assert(load<u64>(physToVirt(f)) == va, 'user page lost its contents');
    assert(flagsOf(as.pml4, va) == (flags[s * MAX_PAGES + i] | USER), 'user page flags');
    assert(userAccessible(as.pml4, va + 8, 4088, false), 'mapped page not accessible');
    assert(userAccessible(as.pml4, va, 4096, true) == ((flags[s * MAX_PAGES + i] & WRITABLE) != 0), 'write access');
    assert(translate(kernel, va) == NOT_MAPPED, 'user page visible in the kernel tables');
    // Tables come from the pool of zeroed frames: a stale entry would show up as a neighbour mapped.
    for (let d: i32 = -1; d <= 1; d += 2) {
      const n = va + u64(i64(d) * 4096);
      if (userRange(n, 4096) && findPage(s, n) < 0) assert(translate(as.pml4, n) == NOT_MAPPED, 'a neighbour page mapped that the model does not have');
    }
    for (let t = 0; t < 4; t++) if (t != s) assert(spaces[t].pml4 == 0 || translate(spaces[t].pml4, va) != f, 'frame shared by two spaces');
  }
}

function ranges(): void {
  assert(userRange(USER_START, 1) && userRange(USER_END - 1, 1) && userRange(USER_START, USER_END - USER_START), 'user range edges');
  assert(!userRange(USER_START - 1, 1) && !userRange(USER_END, 1) && !userRange(USER_END - 1, 2), 'beyond the user range');
  assert(!userRange(USER_START + 4096, 0xffff_ffff_ffff_f000), 'a wrapping range');
  assert(!userRange(0x10_1000, 8) && !userRange(0xffff_8000_0000_0000, 8), 'kernel addresses as user range');
  assert(userAccessible(0, 0x10_1000, 0, true), 'an empty range is accessible');
}

setupFrames();
ranges();
// framesRelease hands out the frames held back beyond the reach of physToVirt, exactly those.
const held = framesHeld();
const total = framesTotal();
const free0 = framesFree();
framesRelease(physMap, reserved);
assert(held > 0 && framesHeld() == 0 && framesTotal() == total + held && framesFree() == free0 + held, 'framesRelease');
const baseline = framesFree();
const kernel = newTable();
for (let a: u64 = 0x10_0000; a < 0x20_0000; a += 4096) assert(map(kernel, a, a, RW_NX), 'kernel map failed');
hugePages(kernel);
setKernelSpace(kernel);
const rounds = readNumber();
seed(readNumber());
for (let r: u64 = 0; r < rounds; r++) {
  const s = i32(below(4));
  const as = spaces[s];
  const roll = below(100);
  if (r == 10) assert(mapHuge(kernel, 0x4800_0000, 0x60_0000, RW_NX), 'late kernel mapping');
  if (as.pml4 == 0) {
    free(as);
    spaces[s] = createAddressSpace();
    assert(spaces[s].pml4 != 0, 'createAddressSpace ran out of frames');
    for (let i: usize = 128; i < 512; i++) assert(load<u64>(physToVirt(spaces[s].pml4) + i * 8) == 0, 'a new space has user entries');
    count[s] = 0;
  } else if (roll < 55 && count[s] < MAX_PAGES) {
    const va = userPage();
    if (findPage(s, va) >= 0) continue;
    const f = below(2) == 0 ? WRITABLE : below(2) == 0 ? NO_EXECUTE : RW_NX;
    assert(mapUser(as, va, f), 'mapUser ran out of frames');
    const frame = translate(as.pml4, va);
    for (let o: usize = 0; o < 4096; o += 8) assert(load<u64>(physToVirt(frame) + o) == 0, 'mapUser gave a frame that is not zeroed');
    store<u64>(physToVirt(frame), va);
    pages[s * MAX_PAGES + count[s]] = va;
    flags[s * MAX_PAGES + count[s]] = f;
    count[s]++;
  } else if (roll < 80 && count[s] > 0) {
    const i = i32(below(u64(count[s])));
    assert(unmapUser(as, pages[s * MAX_PAGES + i] + below(4096)), 'unmapUser of a mapped page failed');
    count[s]--;
    pages[s * MAX_PAGES + i] = pages[s * MAX_PAGES + count[s]];
    flags[s * MAX_PAGES + i] = flags[s * MAX_PAGES + count[s]];
  } else if (roll < 83) {
    const va = userPage();
    if (findPage(s, va) < 0) assert(!unmapUser(as, va), 'unmapUser of an unmapped page');
    assert(!unmapUser(as, 0x10_1000), 'unmapUser of a kernel page');
    assert(!userAccessible(as.pml4, USER_START + 0x3000_0000_0000, 8, false), 'an unmapped page is accessible');
  } else if (roll < 90) {
    const before = framesFree();
    const n = u64(count[s]);
    destroyAddressSpace(as);
    assert(framesFree() > before + n, 'destroyAddressSpace did not free its frames');
    spaces[s] = createAddressSpace();
    count[s] = 0;
  }
  if (r % 100 == 0) for (let t = 0; t < 4; t++) if (spaces[t].pml4 != 0) checkSpace(t, kernel);
}
for (let t = 0; t < 4; t++) {
  if (spaces[t].pml4 != 0) checkSpace(t, kernel);
  destroyAddressSpace(spaces[t]);
}
freeTables(kernel);
assert(framesFree() == baseline, 'address spaces leaked frames');
console.log(`aspace ok ${rounds}`);
