// Copy propagation: every use of `%a = copy v` becomes a use of v. The
// copies themselves are left for dce.
import { replaceUses } from '../ir/ir.js';
import type { Func, Value } from '../ir/ir.js';

export function copyProp(f: Func): void {
  const copies = new Map<number, Value>();
  for (const b of f.blocks) {
    for (const i of b.instrs) if (i.op === 'copy' && i.dst) copies.set(i.dst.id, i.args[0]);
  }
  if (copies.size === 0) return;
  const resolve = (v: Value): Value => {
    for (let n = 0; v.kind === 'temp' && copies.has(v.id) && n < copies.size; n++) v = copies.get(v.id)!;
    return v;
  };
  replaceUses(f, resolve);
}
