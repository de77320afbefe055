// Constant folding: pure instructions whose operands are all constants are
// evaluated at compile time (wrapping to their class) and their results
// replaced by the constant. Division by a constant zero is left alone (it
// traps at run time, as written).
import { constant, replaceUses } from '../ir/ir.js';
import type { Func, Value } from '../ir/ir.js';
import { opInfo, wrapS } from '../ir/ops.js';

export function constFold(f: Func): void {
  for (;;) {
    const folded = new Map<number, Value>();
    for (const b of f.blocks) {
      b.instrs = b.instrs.filter((i) => {
        const info = opInfo(i.op);
        if (!info.fold || info.effect || i.volatile || !i.dst) return true;
        if (!i.args.every((a) => a.kind === 'const')) return true;
        const [x, y] = i.args.map((a) => (a.kind === 'const' ? a.value : 0n));
        const v = info.fold(x, y ?? 0n, info.compare ? i.argCls! : i.cls);
        if (v === undefined) return true;
        folded.set(i.dst.id, constant(wrapS(v, i.cls)));
        return false;
      });
    }
    if (folded.size === 0) return;
    replaceUses(f, (v) => (v.kind === 'temp' ? (folded.get(v.id) ?? v) : v));
  }
}
