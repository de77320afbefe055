// Runs TextBuilder and parse operations from stdin (test/library/text.test.ts's
// model predicts each line). The builder writes 8 bytes into a buffer whose
// first 8 hold its length, so its text is also a tskc string to parse.
import { ParsedInt, parseI64, parseU64, TextBuilder } from 'tskc:text';
import { heapLiveBlocks } from '../../runtime/process/heap';
import { opA, opB, opCode, opCount } from './ops-input';

const area = memory.data(256);
const before = heapLiveBlocks();
let b = newBuilder(0);
let base: u64 = 10;
let minDigits: i32 = 1;
const parsed = new ParsedInt();

/** A builder on the heap (a module-level initializer would be static). */
function newBuilder(capacity: i32): TextBuilder {
  return new TextBuilder(area + 8, capacity);
}

/** Prints the builder's text, then '|' and whether it was cut short. */
function show(): void {
  store<u64>(area, u64(b.length));
  console.log(changetype<string>(area), '|', b.truncated);
}

for (let i: i32 = 0; i < opCount(); i++) {
  const a = opA(i);
  const v = (i64(a) << 32) | i64(u32(opB(i)));
  switch (opCode(i)) {
    case 67: // C: a new builder of capacity a
      free(b);
      b = newBuilder(a);
      console.log(b.room);
      break;
    case 66: // B: base a, at least b digits
      base = u64(a);
      minDigits = opB(i);
      console.log(base);
      break;
    case 73: // I: int
      b.int(v);
      show();
      break;
    case 85: // U: uint
      b.uint(u64(v));
      show();
      break;
    case 82: // R: radix(base, minDigits)
      b.radix(u64(v), base, minDigits);
      show();
      break;
    case 89: // Y: one byte
      b.byte(u8(a));
      show();
      break;
    case 80: // P: parse the text as an i64
      store<u64>(area, u64(b.length));
      console.log(parseI64(changetype<string>(area), 0, b.length, parsed), parsed.value, parsed.error);
      break;
    case 81: // Q: parse the text as a u64 in base
      store<u64>(area, u64(b.length));
      console.log(parseU64(changetype<string>(area), 0, b.length, base, parsed), u64(parsed.value), parsed.error);
      break;
  }
}
free(b);
console.log('live', heapLiveBlocks() - before);
