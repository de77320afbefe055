// Host test of the slab heap (kernel/mm/heap.ts) over the frame allocator of
// the fake machine: seeded random kmalloc/kzalloc/krealloc/kfree sequences
// against a model. Every block is filled with a byte only it carries and
// checked before it is freed or resized (an overlap would overwrite it);
// alignment, zeroing, ksize, bytes in use and per-class counts are checked
// after every step, and at the end every frame comes back.
import { framesFree } from '../../kernel/mm/frames';
import {
  heapBytesInUse, heapFrames, heapLargeBlocks, heapObjects, kfree, kmalloc, krealloc, ksize, kzalloc,
} from '../../kernel/mm/heap';
import { classOf, classSize, LARGEST } from '../../kernel/mm/slab';
import { below, readNumber, seed } from './hostlib';
import { setupFrames } from './hostmap';

const CAP: i32 = 4000;
const addr = new Uint64Array(4000); // live blocks: address, requested size, fill byte
const size = new Uint64Array(4000);
const fill = new Uint8Array(4000);
const perClass = new Uint64Array(8);
let live: i32 = 0;
let bytes: u64 = 0;
let large: u64 = 0;
let tag: u8 = 1;

/** What a block of `n` requested bytes counts for in heapBytesInUse. */
function charged(n: u64): u64 {
  return n > u64(LARGEST) ? n : u64(classSize(classOf(usize(n))));
}

function account(n: u64, sign: i32): void {
  if (n > u64(LARGEST)) {
    if (sign > 0) large++;
    else large--;
  } else if (sign > 0) perClass[classOf(usize(n))]++;
  else perClass[classOf(usize(n))]--;
  if (sign > 0) bytes += charged(n);
  else bytes -= charged(n);
}

function randomSize(): u64 {
  const r = below(100);
  if (r < 45) return below(129);
  if (r < 90) return 1 + below(u64(LARGEST));
  return u64(LARGEST) + 1 + below(20000);
}

function paint(p: usize, n: u64, b: u8): void {
  for (let i: usize = 0; i < usize(n); i++) store<u8>(p + i, b);
}

function check(p: usize, n: u64, b: u8): void {
  for (let i: usize = 0; i < usize(n); i++) assert(load<u8>(p + i) == b, 'block contents overwritten (overlap)');
}

function checkShape(p: usize, n: u64): void {
  assert(p != 0, 'heap out of memory');
  if (n > u64(LARGEST)) assert(p % 4096 == 16, 'large block not 16 bytes into a frame');
  else assert(p % classSize(classOf(usize(n))) == 0, 'slab object not aligned to its size');
  assert(u64(ksize(p)) >= n, 'ksize smaller than the request');
}

function add(p: usize, n: u64): void {
  checkShape(p, n);
  tag = tag == 255 ? 1 : tag + 1;
  paint(p, n, tag);
  addr[live] = u64(p);
  size[live] = n;
  fill[live] = tag;
  live++;
  account(n, 1);
}

function drop(k: i32): void {
  live--;
  addr[k] = addr[live];
  size[k] = size[live];
  fill[k] = fill[live];
}

setupFrames();
const baseline = framesFree();
const rounds = readNumber();
seed(readNumber());
for (let r: u64 = 0; r < rounds; r++) {
  const roll = below(100);
  if (live > 0 && (roll < 40 || live == CAP)) {
    const k = i32(below(u64(live)));
    check(usize(addr[k]), size[k], fill[k]);
    kfree(usize(addr[k]));
    account(size[k], -1);
    drop(k);
  } else if (live > 0 && roll < 55) {
    const k = i32(below(u64(live)));
    const n = randomSize() + 1;
    const p = krealloc(usize(addr[k]), usize(n));
    check(p, n < size[k] ? n : size[k], fill[k]); // the common prefix moved with the block
    account(size[k], -1);
    drop(k);
    add(p, n);
  } else if (roll < 75) {
    const n = randomSize();
    const p = kzalloc(usize(n));
    checkShape(p, n);
    check(p, u64(ksize(p)), 0);
    add(p, n);
  } else {
    const n = randomSize();
    add(kmalloc(usize(n)), n);
  }
  assert(heapBytesInUse() == bytes, 'bytes in use differ from the model');
  assert(heapLargeBlocks() == large, 'large block count differs from the model');
  for (let c = 0; c < 8; c++) assert(heapObjects(c) == perClass[c], 'per-class object count differs from the model');
  assert(framesFree() + heapFrames() == baseline, 'frames leaked or double counted');
}
while (live > 0) {
  check(usize(addr[live - 1]), size[live - 1], fill[live - 1]);
  kfree(usize(addr[live - 1]));
  account(size[live - 1], -1);
  live--;
}
assert(heapBytesInUse() == 0 && heapFrames() == 0, 'heap not empty after freeing everything');
assert(framesFree() == baseline, 'frames did not all come back');
console.log(`heap ok ${rounds}`);
