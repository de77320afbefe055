// bce: bounds checks that cannot fail become jumps. An element access
// checks `extsw i <u len` (docs/language.md §6.6); in the loop every
// program writes,
//
//   for (let i: i32 = 0; i < a.length; i++) ... a[i] ...
//
// rotation leaves a phi `i = phi(0, i + 1)` in the loop header whose every
// incoming value was tested `v < trunc len` (signed, class w) on the edge
// it arrives by: the guard before the loop, the test at its latch. So
// whenever i exists, 0 <= i < trunc len, and then i <u len in 64 bits too:
// if len < 2^31, trunc len is len; if not, len > 2^31 > i.
//
// i >= 0 by induction: the values that enter from outside are constants
// from 0 to 2^31 - 1, and i + 1 cannot wrap, since i < trunc len <= 2^31 - 1.
// The check's branch becomes `jnz 1` and simplifycfg removes its panic
// block. Only this shape is matched; anything else keeps its check.
import { constant, predecessors } from '../ir/ir.js';
import type { Block, Func, Instr, Value } from '../ir/ir.js';

const same = (a: Value, b: Value): boolean =>
  (a.kind === 'temp' && b.kind === 'temp' && a.id === b.id) || (a.kind === 'const' && b.kind === 'const' && a.value === b.value);

export function boundsChecks(f: Func): void {
  const defs = new Map<number, Instr>();
  const phiHome = new Map<number, Block>();
  for (const b of f.blocks) {
    for (const p of b.phis) phiHome.set(p.dst.id, b);
    for (const i of b.instrs) if (i.dst) defs.set(i.dst.id, i);
  }
  const preds = predecessors(f);
  const defOf = (v: Value, op: string, argCls?: string): Instr | null => {
    const d = v.kind === 'temp' ? defs.get(v.id) : undefined;
    return d && d.op === op && d.argCls === argCls ? d : null;
  };

  /** Whether cond is `v < trunc len` (signed, class w). */
  const below = (cond: Value, v: Value, len: Value): boolean => {
    const c = defOf(cond, 'cslt', 'w');
    const n = c ? defOf(c.args[1], 'trunc') : null;
    return c !== null && n !== null && same(c.args[0], v) && same(n.args[0], len);
  };
  /** Whether control goes from `from` to `to` only when `v < trunc len`: a branch's true edge, perhaps through a preheader. */
  const edgeBelow = (from: Block, to: Block, v: Value, len: Value): boolean => {
    const branch = (b: Block, target: Block): boolean =>
      b.term.kind === 'jnz' && b.term.ifTrue === target && b.term.ifFalse !== target && below(b.term.cond, v, len);
    if (branch(from, to)) return true;
    const before = preds.get(from) ?? [];
    return from.term.kind === 'jmp' && from.phis.length === 0 && before.length === 1 && branch(before[0], from);
  };
  /** Whether phi i is always in [0, trunc len). */
  const inRange = (i: Value, len: Value): boolean => {
    const home = i.kind === 'temp' ? phiHome.get(i.id) : undefined;
    const phi = home?.phis.find((p) => same(p.dst, i));
    if (!home || !phi || phi.dst.cls !== 'w') return false;
    return phi.args.every(({ pred, value }) => {
      const start = value.kind === 'const' && value.value >= 0n && value.value < 2n ** 31n;
      const inc = defOf(value, 'add');
      const step = inc !== null && inc.cls === 'w' && inc.args.some((a) => same(a, i)) && inc.args.some((a) => a.kind === 'const' && a.value === 1n);
      return (start || step) && edgeBelow(pred, home, value, len);
    });
  };

  for (const b of f.blocks) {
    const t = b.term;
    if (t.kind !== 'jnz') continue;
    const check = defOf(t.cond, 'cult', 'l');
    const ext = check ? defOf(check.args[0], 'extsw') : null;
    if (check && ext && inRange(ext.args[0], check.args[1])) t.cond = constant(1);
  }
}
