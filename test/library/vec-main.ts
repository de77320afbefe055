// Runs Vec<i32> operations from stdin (test/library/vec.test.ts's model
// predicts each output line); at the end, the heap's live blocks after free().
import { Vec } from 'tskc:collections';
import { heapLiveBlocks } from '../../runtime/process/heap';
import { opA, opB, opCode, opCount } from './ops-input';

function compare(a: i32, b: i32): i32 {
  return a < b ? -1 : a > b ? 1 : 0;
}

const before = heapLiveBlocks();
const v = new Vec<i32>(2);
for (let i: i32 = 0; i < opCount(); i++) {
  const a = opA(i);
  const b = opB(i);
  switch (opCode(i)) {
    case 80: // P: push a
      v.push(a);
      console.log(v.length);
      break;
    case 79: // O: pop
      console.log(v.pop());
      break;
    case 73: // I: insert b at a
      v.insert(a, b);
      console.log(v.length);
      break;
    case 82: // R: remove at a
      console.log(v.remove(a));
      break;
    case 87: // W: swap-remove at a
      console.log(v.swapRemove(a));
      break;
    case 71: // G: get a
      console.log(v.get(a));
      break;
    case 83: // S: set a to b
      v.set(a, b);
      console.log(v.get(a));
      break;
    case 84: { // T: sort, print the first and last
      v.sort(compare);
      console.log(v.length > 0 ? v.get(0) : 0, v.length > 0 ? v.last() : 0);
      break;
    }
    case 78: // N: index of a
      console.log(v.indexOf(a));
      break;
    case 66: // B: binary search for a (sorted)
      console.log(v.binarySearch(a, compare));
      break;
    case 70: { // F: for…of sum and count
      let sum: i64 = 0;
      let n: i32 = 0;
      for (const x of v) {
        sum += i64(x);
        n++;
      }
      console.log(n, sum);
      break;
    }
    case 67: // C: clear
      v.clear();
      console.log(v.length);
      break;
    case 88: // X: free the storage
      v.free();
      console.log(v.length);
      break;
  }
}
v.free();

console.log('live', heapLiveBlocks() - before);
