// Runs HashMap<i32, i32> and HashMap<string, i32> operations from stdin
// (test/library/hashmap.test.ts's model predicts each output line); string
// keys are WORDS[arg]. At the end, the heap's live blocks after free().
import { HashMap, HashSet } from 'tskc:collections';
import { heapLiveBlocks } from '../../runtime/process/heap';
import { opA, opB, opCode, opCount } from './ops-input';

export const WORDS: string[] = [
  '',
  'a',
  'b',
  'ab',
  'ba',
  'abc',
  'hello',
  'world',
  'kernel',
  'kernels',
  'process',
  'processes',
  'a longer key that spans words',
  'a longer key that spans words!',
  '12345678',
  '123456789',
  '1234567',
  'xxxxxxxxxxxxxxxx',
  'xxxxxxxxxxxxxxxxx',
  'xxxxxxxxxxxxxxx',
  'key0',
  'key1',
  'key2',
  'key3',
  'key4',
  'key5',
  'key6',
  'key7',
  'key8',
  'key9',
  'key10',
  'key11',
  'key12',
  'key13',
  'key14',
  'key15',
  'key16',
  'key17',
  'key18',
  'key19',
  'key20',
  'key21',
  'key22',
  'key23',
  'key24',
  'key25',
  'key26',
  'key27',
  'key28',
  'key29',
  'key30',
  'key31',
  'key32',
  'key33',
  'key34',
  'key35',
  'key36',
  'key37',
  'key38',
  'key39',
  'key40',
  'key41',
  'key42',
  'key43',
];

const before = heapLiveBlocks();
const ints = new HashMap<i32, i32>();
const strs = new HashMap<string, i32>();
const set = new HashSet<i64>();
for (let i: i32 = 0; i < opCount(); i++) {
  const a = opA(i);
  const b = opB(i);
  switch (opCode(i)) {
    case 83: // S: set a to b
      console.log(ints.set(a, b));
      break;
    case 71: // G: get a (or -1)
      console.log(ints.getOr(a, -1));
      break;
    case 72: // H: has a
      console.log(ints.has(a));
      break;
    case 68: // D: delete a
      console.log(ints.delete(a));
      break;
    case 90: // Z: sizes
      console.log(ints.size, strs.size, set.size);
      break;
    case 73: { // I: iterate: count, sum of keys, sum of values
      let n: i32 = 0;
      let keys: i64 = 0;
      let vals: i64 = 0;
      for (let s = ints.next(-1); s >= 0; s = ints.next(s)) {
        n++;
        keys += i64(ints.keyAt(s));
        vals += i64(ints.valueAt(s));
      }
      console.log(n, keys, vals);
      break;
    }
    case 67: // C: clear all
      ints.clear();
      strs.clear();
      set.clear();
      console.log(ints.size);
      break;
    case 88: // X: free all
      ints.free();
      strs.free();
      set.free();
      console.log(ints.size);
      break;
    case 115: // s: set WORDS[a] to b
      console.log(strs.set(WORDS[a], b));
      break;
    case 103: // g: get WORDS[a] (or -1)
      console.log(strs.getOr(WORDS[a], -1));
      break;
    case 100: // d: delete WORDS[a]
      console.log(strs.delete(WORDS[a]));
      break;
    case 97: // a: add a * 2^32 + b to the set
      console.log(set.add((i64(a) << 32) + i64(b)));
      break;
    case 104: // h: the set has a * 2^32 + b
      console.log(set.has((i64(a) << 32) + i64(b)));
      break;
    case 114: // r: remove a * 2^32 + b from the set
      console.log(set.delete((i64(a) << 32) + i64(b)));
      break;
  }
}
ints.free();
strs.free();
set.free();
console.log('live', heapLiveBlocks() - before);
