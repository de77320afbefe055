// Dead-code elimination: instructions and phis without effects whose
// results nothing uses are removed, until none is left. An inline asm is an
// effect unless its options say `pure` (docs/language.md §11).
import { instrUses, termUses } from '../ir/ir.js';
import type { Func } from '../ir/ir.js';
import { opInfo } from '../ir/ops.js';

export function deadCode(f: Func): void {
  for (;;) {
    const used = new Set<number>();
    const use = (v: { kind: string; id?: number }): void => {
      if (v.kind === 'temp') used.add(v.id!);
    };
    for (const b of f.blocks) {
      for (const p of b.phis) for (const a of p.args) use(a.value);
      for (const i of b.instrs) instrUses(i).forEach(use);
      termUses(b.term).forEach(use);
    }
    let removed = false;
    for (const b of f.blocks) {
      const phis = b.phis.filter((p) => used.has(p.dst.id));
      const instrs = b.instrs.filter((i) => {
        const info = opInfo(i.op);
        const effect = info.effect && !i.asm?.options.includes('pure');
        return effect || i.volatile || !i.dst || used.has(i.dst.id);
      });
      removed ||= phis.length !== b.phis.length || instrs.length !== b.instrs.length;
      b.phis = phis;
      b.instrs = instrs;
    }
    if (!removed) return;
  }
}
