// Host test of copy-on-write (kernel/mm/cow.ts, framerefs.ts): a clone maps
// the parent's frames without copying (writable pages become read-only and
// COPY_ON_WRITE in both, shared image pages stay shared), a write breaks the
// sharing with a copy for the first writer and hands the frame back writable
// to the last, each side keeps its own bytes, the child is charged what it
// maps, a clone that hits its limit leaves nothing behind, and destroying the
// spaces in either order returns every frame.
import { framesFree, framesLimit, framesRelease } from '../../kernel/mm/frames';
import { frameRefsInit, frameSharers } from '../../kernel/mm/framerefs';
import { AddressSpace, createAddressSpace, mapUser, mapUserShared, setKernelSpace } from '../../kernel/mm/aspace';
import { breakCopyOnWrite, cloneAddressSpace, copyOnWrite } from '../../kernel/mm/cow';
import { ADDR_MASK, COPY_ON_WRITE, map, newTable, NO_EXECUTE, translate, walk, WRITABLE } from '../../kernel/mm/paging';
import { physToVirt } from '../../kernel/mm/phys';
import { destroyAddressSpace } from '../../kernel/mm/teardown';
import { allocZeroedFrame, freeFrame } from '../../kernel/mm/frames';
import { map as physMap, reserved, setupFrames } from './hostmap';

const RW_NX: u64 = WRITABLE | NO_EXECUTE;
const DATA: u64 = 0x4000_0010_0000;
const IMAGE: u64 = 0x4000_0000_0000;

function byteAt(as: AddressSpace, va: u64): u8 {
  return load<u8>(physToVirt(translate(as.pml4, va)));
}

function setByte(as: AddressSpace, va: u64, b: u8): void {
  store<u8>(physToVirt(translate(as.pml4, va)), b);
}

/** A parent with three writable pages (bytes 1, 2, 3) and one shared image page; its clone. */
function sharing(order: i32): void {
  const before = framesFree();
  const image = allocZeroedFrame();
  const parent = createAddressSpace();
  for (let i: u64 = 0; i < 3; i++) {
    assert(mapUser(parent, DATA + i * 4096, RW_NX), 'map failed');
    setByte(parent, DATA + i * 4096, u8(i + 1));
  }
  assert(mapUserShared(parent, IMAGE, image, NO_EXECUTE), 'shared map failed');
  const taken = framesFree();
  const child = cloneAddressSpace(parent)!;
  assert(child !== null, 'clone failed');
  assert(child.pages == 3 && child.tables == parent.tables, 'the child is charged its pages and its own tables');
  assert(framesFree() == taken - 1 - child.tables, 'a clone copied frames: only its tables and PML4 are new');
  for (let i: u64 = 0; i < 3; i++) {
    const va = DATA + i * 4096;
    assert(translate(child.pml4, va) == translate(parent.pml4, va), 'not the same frame');
    assert(copyOnWrite(parent.pml4, va) && copyOnWrite(child.pml4, va), 'not copy-on-write in both');
    assert((walk(parent.pml4, va) & WRITABLE) == 0, 'still writable in the parent');
    assert(frameSharers(translate(parent.pml4, va) & ADDR_MASK) == 1, 'two mappings: one sharer beyond the first');
  }
  assert(translate(child.pml4, IMAGE) == image && !copyOnWrite(child.pml4, IMAGE), 'the image page is shared as it is');
  assert(!breakCopyOnWrite(child, IMAGE), 'a read-only image page broke');
  // The child writes page 0 first: it gets a copy, and the parent's frame has one mapping again.
  assert(breakCopyOnWrite(child, DATA + 5), 'break failed');
  assert(translate(child.pml4, DATA) != translate(parent.pml4, DATA), 'no copy for the first writer');
  assert(byteAt(child, DATA) == 1 && (walk(child.pml4, DATA) & (WRITABLE | COPY_ON_WRITE)) == WRITABLE, 'copy bytes or rights');
  setByte(child, DATA, 9);
  assert(byteAt(parent, DATA) == 1, 'the child wrote into the parent');
  const frame = translate(parent.pml4, DATA);
  assert(breakCopyOnWrite(parent, DATA), 'break of the last mapping failed');
  assert(translate(parent.pml4, DATA) == frame && (walk(parent.pml4, DATA) & WRITABLE) != 0, 'the last mapping was copied');
  // The parent writes page 1: it gets the copy.
  assert(breakCopyOnWrite(parent, DATA + 4096), 'break failed');
  setByte(parent, DATA + 4096, 7);
  assert(byteAt(child, DATA + 4096) == 2, 'the parent wrote into the child');
  if (order == 0) {
    destroyAddressSpace(child);
    assert(frameSharers(translate(parent.pml4, DATA + 8192) & ADDR_MASK) == 0, 'the child took no mapping with it');
    destroyAddressSpace(parent);
  } else {
    destroyAddressSpace(parent);
    destroyAddressSpace(child);
  }
  freeFrame(image);
  assert(framesFree() == before, 'frames leaked');
}

/** A clone that reaches its limit halfway returns null and leaves the parent's frames shared by nobody. */
function limited(): void {
  const before = framesFree();
  const parent = createAddressSpace();
  for (let i: u64 = 0; i < 40; i++) assert(mapUser(parent, DATA + i * 4096, RW_NX), 'map failed');
  parent.limit = 20;
  assert(cloneAddressSpace(parent) === null, 'a clone past the limit');
  for (let i: u64 = 0; i < 40; i++) assert(frameSharers(translate(parent.pml4, DATA + i * 4096) & ADDR_MASK) == 0, 'a failed clone kept a mapping');
  assert(breakCopyOnWrite(parent, DATA) && translate(parent.pml4, DATA) != 0, 'a page left copy-on-write is not taken back');
  destroyAddressSpace(parent);
  assert(framesFree() == before, 'frames leaked');
}

setupFrames();
framesRelease(physMap, reserved);
frameRefsInit(framesLimit());
const kernel = newTable();
for (let a: u64 = 0x10_0000; a < 0x20_0000; a += 4096) assert(map(kernel, a, a, RW_NX), 'kernel map failed');
setKernelSpace(kernel);
sharing(0);
sharing(1);
limited();
console.log('cow ok');
