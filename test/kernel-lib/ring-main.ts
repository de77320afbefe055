// Host test program for kernel/lib/ring.ts (compiled with --target linux):
// runs the operations read from stdin on one ByteRing and prints each result,
// for ring.test.ts to compare with its model. Each operation is two bytes:
// 'P' b pushes b (prints 1 or 0), 'G' _ pops (prints the byte or -1),
// 'S' _ prints the size. At the end: the drop count.
import { ByteRing } from '../../kernel/lib/ring';
import { readStdin, stdinLength } from './stdin';

const ring = new ByteRing();
const ops = readStdin();
for (let i: i32 = 0; i + 1 < stdinLength; i += 2) {
  const op = load<u8>(ops + usize(i));
  const arg = load<u8>(ops + usize(i) + 1);
  if (op == 80) console.log(ring.push(arg) ? 1 : 0);
  else if (op == 71) console.log(ring.pop());
  else if (op == 83) console.log(ring.size());
}
console.log('dropped', ring.dropped);
