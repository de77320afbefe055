// The kernel's boot-time memory self-test: the last word of RAM is reachable
// through the kernel's map, then frames, the slab heap and `new` in bulk,
// checking that every statistic returns to its baseline. Prints
// "mm: self-test passed" (test/kernel/mm.test.ts waits for it) or panics.
// Kernel target only.
import { allocFrame, framesFree, freeFrame } from './frames';
import { heapBytesInUse, heapFrames, kfree, kmalloc } from './heap';
import { physToVirt } from './phys';
import { logStr } from './log';

class Node {
  next: usize = 0; // the next Node's address
  value: u64 = 0;
}

const frames = new Uint64Array(2000);
const blocks = new Uint64Array(2000);

/** `top` is the end of usable RAM (the last word below it is written and read back). */
export function mmSelfTest(top: u64): void {
  const last = physToVirt(top - 8);
  const saved = load<u64>(last);
  store<u64>(last, 0x5a5a_1234_8765_a5a5);
  assert(load<u64>(last) == 0x5a5a_1234_8765_a5a5, 'self-test: the top of RAM does not hold a value');
  store<u64>(last, saved);
  const freeBefore = framesFree();
  const bytesBefore = heapBytesInUse();
  for (let i = 0; i < 2000; i++) {
    const f = allocFrame();
    assert(f != 0 && f % 4096 == 0, 'self-test: allocFrame failed');
    store<u64>(physToVirt(f), f);
    frames[i] = f;
  }
  assert(framesFree() == freeBefore - 2000, 'self-test: frame count after 2000 allocations');
  for (let i = 0; i < 2000; i++) {
    const size = usize(1 + (i * 37) % 3000);
    const p = kmalloc(size);
    assert(p != 0, 'self-test: kmalloc failed');
    store<u8>(p, u8(i));
    store<u8>(p + size - 1, u8(i));
    blocks[i] = u64(p);
  }
  for (let i = 0; i < 2000; i++) {
    assert(load<u64>(physToVirt(frames[i])) == frames[i], 'self-test: frame contents changed');
    freeFrame(frames[i]);
    const size = usize(1 + (i * 37) % 3000);
    const p = usize(blocks[i]);
    assert(load<u8>(p) == u8(i) && load<u8>(p + size - 1) == u8(i), 'self-test: heap block contents changed');
    kfree(p);
  }
  assert(heapBytesInUse() == bytesBefore && heapFrames() == 0, 'self-test: heap not back to its baseline');
  // `new` goes to the slab heap now.
  let list: usize = 0;
  for (let i: u64 = 0; i < 1000; i++) {
    const n = new Node();
    assert(n.value == 0, 'self-test: new returned memory that is not zeroed');
    n.value = i;
    n.next = list;
    list = changetype<usize>(n);
  }
  assert(heapBytesInUse() == bytesBefore + 1000 * 16, 'self-test: new did not use the slab heap');
  while (list != 0) {
    const n = changetype<Node>(list);
    list = n.next;
    free(n);
  }
  assert(heapBytesInUse() == bytesBefore && framesFree() == freeBefore, 'self-test: memory not back to its baseline');
  logStr('mm: self-test passed\n');
}
