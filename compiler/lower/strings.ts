// One-character strings (docs/language.md §6.2): `s[i]` and `for (const c of s)`
// give the ASCII byte at i as a string from a table in .rodata of the 128
// one-byte strings (each laid out like any literal: u64 length 1, the byte,
// NUL, padding to 16), so no string is allocated. A non-ASCII byte panics.
import ts = require('typescript');
import { constant, sym } from '../ir/ir.js';
import type { Value } from '../ir/ir.js';
import type { FnCtx } from './context.js';
import { panic } from './call.js';
import { boundsCheck, convert, elementAddress } from './expr.js';
import { I64 } from '../sema/types.js';
import type { MType } from '../sema/types.js';

const TABLE = 'tskc.ascii';
const ENTRY = 16;

/** The symbol of the table, emitted on first use. */
function asciiTable(fx: FnCtx): Value {
  if (!fx.mod.data.some((d) => d.name === TABLE)) {
    fx.mod.data.push({
      name: TABLE, section: 'rodata', align: 8, exported: false,
      items: Array.from({ length: 128 }, (_, c) => [
        { kind: 'int' as const, size: 8 as const, value: 1n },
        { kind: 'int' as const, size: 1 as const, value: BigInt(c) },
        { kind: 'zero' as const, size: ENTRY - 9 },
      ]).flat(),
    });
  }
  return sym(TABLE);
}

/** The one-character string at byte `idx` (an l value) of `str`; `checked` adds the bounds check. */
export function charString(fx: FnCtx, str: Value, idx: Value, at: ts.Node, checked: boolean): Value {
  if (checked) boundsCheck(fx, str, idx, at);
  const byte = fx.emit('loadub', 'w', [elementAddress(fx, str, idx, 1)]);
  const ok = fx.newBlock('ascii');
  const bad = fx.newBlock('nonascii');
  fx.branch(fx.emit('cult', 'w', [byte, constant(128)], { argCls: 'w' }), ok, bad);
  fx.enter(bad);
  panic(fx, fx.mod.string('non-ASCII character in a one-character string (use charCodeAt)'), at);
  fx.enter(ok);
  const offset = fx.emit('mul', 'l', [fx.emit('extuw', 'l', [byte]), constant(ENTRY)]);
  return fx.emit('add', 'l', [asciiTable(fx), offset]);
}

/** `s[i]` on a string. */
export function stringIndex(fx: FnCtx, str: Value, index: Value, indexType: MType, at: ts.Node): Value {
  return charString(fx, str, convert(fx, index, indexType, I64), at, true);
}
