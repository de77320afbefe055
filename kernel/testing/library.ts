// The `library` test command (kernel/testing/commands.ts): the standard
// library's containers on the kernel heap (docs/library.md), and the heap's
// counters before and after, which must agree once everything is freed.
// Answer: "library vec V map M set S list L heap H bits B text T bytes X Y large P Q".
import { BitSet, HashMap, HashSet, List, MinHeap, Vec } from 'tskc:collections';
import { TextBuilder } from 'tskc:text';
import { consoleWrite, consoleWriteUint } from '../console/console';
import { heapBytesInUse, heapLargeBlocks } from '../mm/heap';

class Waiter {
  next: Waiter | null = null;
  prev: Waiter | null = null;
  constructor(public id: u64) {}
}

function ascending(a: u64, b: u64): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

function put(label: string, v: u64): void {
  consoleWrite(label);
  consoleWriteUint(v);
}

/** Vec<u64>: 5000 values pushed in descending order, sorted: how many sit at their place. */
function vec(): u64 {
  const v = new Vec<u64>();
  for (let i: u64 = 5000; i > 0; i--) v.push(i);
  v.sort(ascending);
  let inPlace: u64 = 0;
  for (let i: i32 = 0; i < v.length; i++) if (v.get(i) == u64(i) + 1) inPlace++;
  v.free();
  free(v);
  return inPlace;
}

/** HashMap<u64, u64>: k → 2k for k < 3000, even keys deleted: the sum of what is left. */
function map(): u64 {
  const m = new HashMap<u64, u64>();
  for (let k: u64 = 0; k < 3000; k++) m.set(k, 2 * k);
  for (let k: u64 = 0; k < 3000; k += 2) m.delete(k);
  let sum: u64 = 0;
  for (let s = m.next(-1); s >= 0; s = m.next(s)) sum += m.valueAt(s);
  m.free();
  free(m);
  return sum;
}

function set(): u64 {
  const s = new HashSet<string>();
  s.add('init');
  s.add('shell');
  s.add('init');
  const n = u64(s.size);
  s.free();
  free(s);
  return n;
}

/** List: 100 waiters queued, the first moved to the back, all popped: the count (and each freed). */
function list(): u64 {
  const q = new List<Waiter>(offsetof<Waiter>('next'), offsetof<Waiter>('prev'));
  for (let i: u64 = 0; i < 100; i++) q.pushBack(new Waiter(i));
  q.moveToBack(q.first!);
  let n: u64 = 0;
  for (let w = q.popFront(); w !== null; w = q.popFront()) {
    n++;
    free(w);
  }
  free(q);
  return n;
}

/** MinHeap: the deadlines 7 … 56 in a scrambled order: the first out. */
function heap(): u64 {
  const h = new MinHeap<u64>(ascending);
  for (let i: u64 = 0; i < 50; i++) h.push(((i * 37) % 50) + 7);
  const first = h.pop();
  h.free();
  free(h);
  return first;
}

function bits(): u64 {
  const b = new BitSet(4096);
  for (let i: i32 = 0; i < 4095; i++) b.set(i);
  const free0 = b.firstClear(0);
  b.free();
  free(b);
  return u64(free0);
}

function text(): u64 {
  const t = new TextBuilder(memory.data(32), 32);
  t.str('pid ').int(-42).str(' ok');
  const n = u64(t.length);
  free(t);
  return n;
}

export function libraryCommand(): void {
  const bytes = heapBytesInUse();
  const large = heapLargeBlocks();
  put('library vec ', vec());
  put(' map ', map());
  put(' set ', set());
  put(' list ', list());
  put(' heap ', heap());
  put(' bits ', bits());
  put(' text ', text());
  put(' bytes ', bytes);
  put(' ', heapBytesInUse());
  put(' large ', large);
  put(' ', heapLargeBlocks());
  consoleWrite('\n');
}
