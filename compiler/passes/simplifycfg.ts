// CFG simplification: a branch or switch on a constant becomes a jump (so
// does a switch whose every case goes to its default), blocks no
// longer reachable are removed, and phis lose the operands of vanished
// predecessors (and disappear when trivial).
import { reversePostorder, switchCase } from '../ir/ir.js';
import type { Func } from '../ir/ir.js';
import { prunePhiArgs, removeTrivialPhis } from '../ir/ssa.js';

export function simplifyCfg(f: Func): void {
  let changed = false;
  for (const b of f.blocks) {
    const t = b.term;
    if (t.kind === 'jnz' && t.cond.kind === 'const') {
      b.term = { kind: 'jmp', target: t.cond.value !== 0n ? t.ifTrue : t.ifFalse };
      changed = true;
    } else if (t.kind === 'jnz' && t.ifTrue === t.ifFalse) {
      b.term = { kind: 'jmp', target: t.ifTrue };
      changed = true;
    } else if (t.kind === 'switch' && t.value.kind === 'const') {
      b.term = { kind: 'jmp', target: switchCase(t, t.value.value)?.target ?? t.default };
      changed = true;
    } else if (t.kind === 'switch' && t.cases.every((c) => c.target === t.default)) {
      b.term = { kind: 'jmp', target: t.default };
      changed = true;
    }
  }
  const live = new Set(reversePostorder(f));
  if (live.size !== f.blocks.length) {
    f.blocks = f.blocks.filter((b) => live.has(b));
    changed = true;
  }
  if (changed) {
    prunePhiArgs(f);
    removeTrivialPhis(f);
  }
}
