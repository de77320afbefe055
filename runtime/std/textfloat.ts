// `import { writeFloat, writeTemplate } from 'tskc:textfloat'` (user and
// linux targets: the kernel has no floats): floats into a TextBuilder, as
// console.log prints them (runtime/process/numfmt.ts, docs/library.md).

import { TextBuilder } from './text';
import { formatF64 } from '../process/numfmt';

/** The shortest decimal that reads back to x, as Node prints it. */
export function writeFloat(b: TextBuilder, x: f64): TextBuilder {
  const text: usize = memory.data(32);
  return b.bytes(text, formatF64(x, text));
}

/** A template's pieces, float pieces included. */
export function writeTemplate(b: TextBuilder, t: Template): TextBuilder {
  const n = Template.count(t);
  for (let i = 0; i < n; i++) {
    if (!b.piece(t, i)) writeFloat(b, Template.float(t, i));
  }
  return b;
}
