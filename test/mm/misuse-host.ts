// Host test of misuse detection in the frame allocator, the kernel heap, paging
// and address spaces:
// stdin names one scenario, which must end in a panic (mm.test.ts checks the
// message). Scenario 0 misuses nothing and prints "no panic".
import { allocFrame, allocFrames, freeFrame } from '../../kernel/mm/frames';
import { kfree, kmalloc, krealloc } from '../../kernel/mm/heap';
import { map, mapHuge, newTable, WRITABLE } from '../../kernel/mm/paging';
import { createAddressSpace, mapUser, setKernelSpace, USER_START } from '../../kernel/mm/aspace';
import { physToVirt } from '../../kernel/mm/phys';
import { destroyAddressSpace } from '../../kernel/mm/teardown';
import { readNumber } from './hostlib';
import { setupFrames } from './hostmap';

setupFrames();
const scenario = readNumber();
const a = kmalloc(40);
const b = kmalloc(40); // keeps a's slab alive after a is freed
const big = kmalloc(10000);
const frame = allocFrame();
if (scenario == 1) { freeFrame(frame); freeFrame(frame); }
if (scenario == 2) freeFrame(0x5000); // below 1 MiB: reserved
if (scenario == 3) freeFrame(0x800_0000); // beyond the top of RAM
if (scenario == 4) freeFrame(frame + 8);
if (scenario == 5) { kfree(a); kfree(a); }
if (scenario == 6) kfree(a + 16); // inside a 64-byte object
if (scenario == 7) kfree(b + 8); // not an object start
if (scenario == 8) { kfree(big); kfree(big); }
if (scenario == 9) kfree(big + 4096); // inside a large block
if (scenario == 10) kfree(physToVirt(frame) + 64); // a frame the heap does not own
if (scenario == 11) kfree(physToVirt(0x5000)); // reserved memory
if (scenario == 12) krealloc(b + 8, 50); // same size class: must still be caught
if (scenario == 13) { const run = allocFrames(3); freeFrame(run + 4096); freeFrame(run + 4096); }
if (scenario == 14) { const t = newTable(); map(t, 0x40_0000, 0x1000, 0); map(t, 0x40_0000, 0x2000, 0); }
if (scenario == 15) map(newTable(), 0x40_0800, 0x1000, 0);
if (scenario == 16) map(newTable(), 0x8000_0000_0000, 0x1000, 0);
if (scenario == 17) { const t = newTable(); mapHuge(t, 0x40_0000, 0x20_0000, 0); map(t, 0x40_1000, 0x1000, 0); }
if (scenario == 18) mapHuge(newTable(), 0x40_1000, 0x20_0000, 0);
if (scenario == 19) { const t = newTable(); map(t, 0x40_1000, 0x1000, 0); mapHuge(t, 0x40_0000, 0x20_0000, 0); }
if (scenario >= 20) setKernelSpace(newTable());
if (scenario == 20) mapUser(createAddressSpace(), 0x40_0000, WRITABLE); // the kernel's slots
if (scenario == 21) mapUser(createAddressSpace(), USER_START + 0x10, WRITABLE);
if (scenario == 22) { const as = createAddressSpace(); mapUser(as, USER_START, 0); mapUser(as, USER_START, 0); }
if (scenario == 23) { const as = createAddressSpace(); mapUser(as, USER_START, 0); destroyAddressSpace(as); destroyAddressSpace(as); } // its object is the pool's again
console.log('no panic');
