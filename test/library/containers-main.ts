// Runs List, MinHeap, RingBuffer, BitSet and sortU64 operations from stdin
// (test/library/containers.test.ts's models predict each line). The list
// ops work on a pool of 64 objects, each in up to two lists at once (its
// run and wait links). At the end, the heap's live blocks after free().
import { BitSet, List, MinHeap, RingBuffer, sortU64 } from 'tskc:collections';
import { heapLiveBlocks } from '../../runtime/process/heap';
import { opA, opB, opCode, opCount } from './ops-input';

class Item {
  runNext: Item | null = null;
  runPrev: Item | null = null;
  waitNext: Item | null = null;
  waitPrev: Item | null = null;
  constructor(public id: i32) {}
}

function ascending(a: i32, b: i32): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The ids of a list, first to last, and its length. */
function show(l: List<Item>): void {
  let sum: i64 = 0;
  let n: i32 = 0;
  for (let x = l.first; x !== null; x = l.nextOf(x)) {
    sum = sum * 31 + i64(x.id);
    n++;
  }
  let back: i32 = 0;
  for (let x = l.last; x !== null; x = l.prevOf(x)) back++;
  console.log(n, back, l.length, sum);
}

function run(): void {
  const pool = new Array<Item>(64);
  for (let i: i32 = 0; i < 64; i++) pool[i] = new Item(i);
  const lists = new Array<List<Item>>(2);
  lists[0] = new List<Item>(offsetof<Item>('runNext'), offsetof<Item>('runPrev'));
  lists[1] = new List<Item>(offsetof<Item>('waitPrev'), offsetof<Item>('waitNext'));
  const heap = new MinHeap<i32>(ascending);
  const ring = new RingBuffer<i32>(16);
  const bits = new BitSet(1000);
  const samples = new Uint64Array(4096);
  let sampleCount: i32 = 0;
  for (let i: i32 = 0; i < opCount(); i++) {
    const a = opA(i);
    const b = opB(i);
    const l = lists[b & 1];
    switch (opCode(i)) {
      case 66: // B: push a to the back of list b
        l.pushBack(pool[a]);
        console.log(l.length);
        break;
      case 70: // F: push a to the front of list b
        l.pushFront(pool[a]);
        console.log(l.length);
        break;
      case 82: // R: remove a from list b
        l.remove(pool[a]);
        console.log(l.length);
        break;
      case 77: // M: move a to the back of list b
        l.moveToBack(pool[a]);
        console.log(l.length);
        break;
      case 80: { // P: pop the front (a = 0) or back of list b
        const x = a == 0 ? l.popFront() : l.popBack();
        console.log(x !== null ? x.id : -1);
        break;
      }
      case 67: // C: does list b contain a
        console.log(l.contains(pool[a]));
        break;
      case 83: // S: show list b
        show(l);
        break;
      case 104: // h: heap push a
        heap.push(a);
        console.log(heap.length);
        break;
      case 112: // p: heap pop
        console.log(heap.pop());
        break;
      case 107: // k: heap peek
        console.log(heap.peek());
        break;
      case 114: // r: ring push a
        console.log(ring.push(a), ring.size(), ring.dropped);
        break;
      case 115: // s: ring shift
        console.log(ring.shift());
        break;
      case 116: // t: bit set a
        bits.set(a);
        console.log(bits.has(a));
        break;
      case 117: // u: bit clear a
        bits.clear(a);
        console.log(bits.has(a));
        break;
      case 102: // f: first set and first clear from a, count
        console.log(bits.firstSet(a), bits.firstClear(a), bits.count());
        break;
      case 118: // v: append the sample (a << 32) | b (both as unsigned 32-bit halves)
        samples[sampleCount++] = (u64(u32(a)) << 32) | u64(u32(b));
        console.log(sampleCount);
        break;
      case 86: { // V: sort the samples; their count and a hash of them in order; start again
        sortU64(samples, 0, sampleCount);
        let h: u64 = 0;
        for (let i: i32 = 0; i < sampleCount; i++) h = h * 31 + samples[i];
        console.log(sampleCount, h);
        sampleCount = 0;
        break;
      }
    }
  }
  lists[0].clear();
  lists[1].clear();
  free(lists[0]);
  free(lists[1]);
  free(lists);
  for (let i: i32 = 0; i < 64; i++) free(pool[i]);
  free(pool);
  heap.free();
  free(heap);
  ring.free();
  free(ring);
  bits.free();
  free(bits);
  free(samples);
}

const before = heapLiveBlocks();
run();
console.log('live', heapLiveBlocks() - before);
