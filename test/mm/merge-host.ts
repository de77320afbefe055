// Host test of merging a split 2 MiB page back (kernel/mm/paging.ts merge,
// mergeable): a guard-page-like hole keeps the table until the page is
// mapped back, then the region is one 2 MiB page again and the table's
// frame is free; a page with other flags, a run that is not 2 MiB aligned
// or a region of separate 4 KiB maps is never merged.
import { framesFree } from '../../kernel/mm/frames';
import { HUGE, map, mapHuge, merge, mergeable, newTable, NO_EXECUTE, protect, translate, unmap, walk, WRITABLE } from '../../kernel/mm/paging';
import { setupFrames } from './hostmap';

const RW_NX: u64 = WRITABLE | NO_EXECUTE;
const R: u64 = 0x4000_0000; // the regions under test: R, R + 2 MiB, R + 4 MiB

setupFrames();
const pml4 = newTable();
assert(mapHuge(pml4, R, 0x20_0000, RW_NX) && mapHuge(pml4, R + 0x20_0000, 0x40_0000, RW_NX), 'mapHuge failed');
const whole = framesFree();
assert(!mergeable(pml4, R, 0) && !merge(pml4, R), 'a 2 MiB page is not a table to merge');
assert(unmap(pml4, R + 0x5000) == 0x20_5000 && unmap(pml4, R + 0x9000) == 0x20_9000, 'unmap in a 2 MiB page');
assert(framesFree() == whole - 1, 'the split took one table');
assert(mergeable(pml4, R, 2) && !mergeable(pml4, R, 1) && !mergeable(pml4, R, 0), 'mergeable with two pages missing');
assert(!merge(pml4, R), 'merged with holes');
assert(map(pml4, R + 0x5000, 0x20_5000, RW_NX), 'map back');
assert(!merge(pml4, R) && mergeable(pml4, R, 1), 'merged with a hole');
assert(map(pml4, R + 0x9000, 0x20_9000, RW_NX), 'map back');
assert(merge(pml4, R), 'a whole run again, not merged');
assert((walk(pml4, R + 0x1234) & HUGE) != 0 && translate(pml4, R + 0x9123) == 0x20_9123, 'not one 2 MiB page after the merge');
assert(framesFree() == whole, 'the table was not freed');
// Other flags on one page, or another frame in the run: the table stays.
assert(protect(pml4, R + 0x20_3000, NO_EXECUTE), 'protect');
assert(!mergeable(pml4, R + 0x20_0000, 0) && !merge(pml4, R + 0x20_0000), 'merged pages with other flags');
assert(protect(pml4, R + 0x20_3000, RW_NX) && merge(pml4, R + 0x20_0000), 'flags restored, not merged');
assert(unmap(pml4, R + 0x20_7000) == 0x40_7000 && map(pml4, R + 0x20_7000, 0x80_7000, RW_NX), 'remap elsewhere');
assert(!merge(pml4, R + 0x20_0000), 'merged a run with a foreign frame');
// 512 separate 4 KiB maps of a run 4 KiB off alignment: never a 2 MiB page.
for (let i: u64 = 0; i < 512; i++) assert(map(pml4, R + 0x40_0000 + i * 4096, 0x100_1000 + i * 4096, RW_NX), 'map');
assert(!mergeable(pml4, R + 0x40_0000, 0) && !merge(pml4, R + 0x40_0000), 'merged an unaligned run');
console.log('merge ok');
