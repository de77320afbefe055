// node: skip (tskc:text is tskc code, not loaded under Node)
// TextBuilder with floats and templates (tskc:textfloat), truncation, and
// the byte-string helpers; the floats print as Node prints them.
import { compareStrings, endsWith, Fields, findString, rangeEquals, startsWith, TextBuilder } from 'tskc:text';
import { writeFloat, writeTemplate } from 'tskc:textfloat';

const area = memory.data(72);

/** The builder's text as a string: its length goes in the 8 bytes before it. */
function text(b: TextBuilder): string {
  store<u64>(area, u64(b.length));
  return changetype<string>(area);
}

function main(): void {
  const b = new TextBuilder(area + 8, 64);
  writeFloat(b, 0.1 + 0.2).byte(32);
  writeFloat(b, 1e21).byte(32);
  writeFloat(b, -1.5e-7).byte(32);
  const n: i32 = -7;
  writeTemplate(b, `n=${n} x=${2.5} ok=${true}`);
  console.log(text(b), b.truncated);
  const small = new TextBuilder(area + 8, 10);
  small.template(`pid ${u64(123456789)}`);
  console.log(text(small), small.length, small.truncated);
  const f = new Fields('a,,bc', 44);
  let fields: i32 = 0;
  while (f.next()) if (rangeEquals('a,,bc', f.start, f.end, 'bc')) fields += 10;
  else fields++;
  console.log(fields, findString('kernel heap', 'heap', 0), startsWith('kernel', 'ker'), endsWith('kernel', 'nel'), compareStrings('a', 'b'));
  free(b);
  free(small);
  free(f);
}
main();
//= 0.30000000000000004 1e+21 -1.5e-7 n=-7 x=2.5 ok=true false
//= pid 123456 10 true
//= 12 7 true true -1
