// The heap of the process targets: `new` inside a function calls heapAlloc
// and free(obj) calls heapFree. Blocks of up to 2048 bytes (header included)
// come from eight power-of-two size classes, each a free list, carved from
// 64 KiB chunks obtained with mmap; larger blocks get a mapping of their own.
// Every block starts with a 16-byte header: its size class (or -1 and the
// mapping length for a large block). Memory handed out is zeroed.

import { MAP_ANONYMOUS, MAP_PRIVATE, PROT_READ, PROT_WRITE, SYS_MMAP, SYS_MUNMAP } from '../../kernel/syscall/numbers';

const CHUNK: usize = 65536;
const HEADER: usize = 16;
const LARGEST_CLASS_BYTES: usize = 2048;
const LARGE: i64 = -1;

const freeLists: usize = memory.data(64); // one head per size class
let chunkNext: usize = 0;
let chunkEnd: usize = 0;
/** Blocks handed out and not yet freed: what a program's tests check after free() (docs/library.md). */
let liveBlocks: i64 = 0;

/** The number of heap blocks (objects and arrays) allocated and not yet freed. */
export function heapLiveBlocks(): i64 {
  return liveBlocks;
}

function map(len: usize): usize {
  const p = syscall(SYS_MMAP, 0, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p < 0) throw new Error('out of memory');
  return usize(p);
}

/** The size class of a block of `total` bytes: class c holds 16 << c bytes. */
function classOf(total: usize): i64 {
  let c: i64 = 0;
  let bytes: usize = 16;
  while (bytes < total) {
    bytes = bytes << 1;
    c++;
  }
  return c;
}

export function heapAlloc(size: usize): usize {
  liveBlocks++;
  const total = size + HEADER;
  if (total > LARGEST_CLASS_BYTES) {
    const len = (total + 4095) & ~4095;
    const p = map(len);
    store<i64>(p, LARGE);
    store<usize>(p + 8, len);
    return p + HEADER;
  }
  const c = classOf(total);
  const bytes: usize = usize(16) << usize(c);
  const head = freeLists + usize(c) * 8;
  let p = load<usize>(head);
  if (p != 0) {
    store<usize>(head, load<usize>(p));
    for (let i: usize = HEADER; i < bytes; i += 8) store<u64>(p + i, 0);
  } else {
    if (chunkNext + bytes > chunkEnd) {
      chunkNext = map(CHUNK);
      chunkEnd = chunkNext + CHUNK;
    }
    p = chunkNext;
    chunkNext += bytes;
  }
  store<i64>(p, c);
  return p + HEADER;
}

export function heapFree(obj: usize): void {
  liveBlocks--;
  const p = obj - HEADER;
  const c = load<i64>(p);
  if (c == LARGE) {
    syscall(SYS_MUNMAP, p, load<usize>(p + 8));
    return;
  }
  if (c < 0 || c > 7) throw new Error('free of a pointer the heap did not allocate');
  const head = freeLists + usize(c) * 8;
  store<usize>(p, load<usize>(head)); // the header becomes the list link
  store<usize>(head, p);
}
