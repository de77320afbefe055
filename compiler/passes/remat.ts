// remat: a comparison that decides branches in other blocks is computed
// again in each of them. GVN merges equal comparisons, so the test of an
// outer loop (`while (sent < PAGE)`) becomes the inner loop's value:
//
//   @inner: %c = csltw %sent, 4096; jnz %c, @body, @out
//   @outer: jnz %c, @loop, @done
//
// isel fuses a comparison with its branch only when the branch is its one
// use in the same block; otherwise it makes a 0/1 with setcc and movzx and
// tests it again (three instructions and a register). A copy of the
// comparison beside each distant branch lets every branch fuse. Only
// comparisons of at most one temporary are copied (with a constant: the
// copy keeps no more values live than the 0/1 did), integer classes only.
import { newTemp } from '../ir/ir.js';
import type { Func, Instr } from '../ir/ir.js';
import { isFloatCls, opInfo } from '../ir/ops.js';

export function rematCompares(f: Func): void {
  const home = new Map<number, { instr: Instr; block: number }>();
  for (const b of f.blocks) {
    for (const i of b.instrs) {
      if (!i.dst || !opInfo(i.op).compare || isFloatCls(i.argCls) || i.volatile) continue;
      if (i.args.filter((a) => a.kind === 'temp').length > 1) continue;
      home.set(i.dst.id, { instr: i, block: b.id });
    }
  }
  for (const b of f.blocks) {
    const t = b.term;
    if (t.kind !== 'jnz' || t.cond.kind !== 'temp') continue;
    const h = home.get(t.cond.id);
    if (!h || h.block === b.id) continue;
    const copy: Instr = { ...h.instr, dst: newTemp(f, h.instr.cls, h.instr.dst!.hint), args: [...h.instr.args] };
    b.instrs.push(copy);
    t.cond = copy.dst!;
  }
}
