// bce-version: bounds checks of loops that run to a bound other than the
// array's length (`for (i = 2; i <= n; i++) a[i - 1]`, `for (k = 2*i;
// k < n; k += i) a[k]`) are tested once, before the loop, by loop
// versioning. A rotated loop whose latch ends in
//
//   next = add i, step;  c = cslt/csle w next, B;  jnz c, @H, @X
//
// (i the header phi, step and B defined outside the loop, step >= 1) gets a
// copy without the checks `cultl (extsw IDX), len` with IDX = i, i + x or
// i - x (x and len defined outside the loop), and its preheader chooses
// (a chain of compares, ranges.ts):
//
//   P: <every condition below holds> ? jump to the copy's header : to H
//
// Why the copy is exact: with S the entry value and B' = B (csle) or B - 1
// (cslt), all in 64 bits, i takes S first and then only values that passed
// the latch's test, each step larger than the last as long as i + step does
// not wrap: so if step >= 1 and max(S, B') + step <= 2^31 - 1, every i is
// in [S, max(S, B')]. IDX is linear in i, so over that range it lies
// between its values at S and at B'; if both are in [0, 2^31) (no wrap of
// the 32-bit IDX) and below len (unsigned), every check would pass. When
// S <= B' is known (the guard rotation put before the loop tested `S cmp
// B`, or both are constants), max(S, B') is B', and the conditions are
// S + off >= 0, B' + off <= 2^31 - 1 and B' + off <u len. Conditions the
// ranges of their terms decide are not emitted; if all are, the checks go
// without a copy. Otherwise the original loop, checks and panics included,
// runs when the test fails: an access out of range still panics where it
// did. The original loop's inner loops are not versioned (it is the path
// out-of-range accesses take; versioning them too would copy them four
// times). Only loops of at most MAX_LOOP instructions are copied, with no
// inline asm or stack allocation, one latch, one exit block besides dead
// ends (panics) that read nothing the loop defines, and values used after
// the loop only through the exit's phis or, when the latch is the exit's
// one predecessor, anywhere after it (merged by new phis there).
import { constant, newTemp, predecessors, replaceUses, successors } from '../ir/ir.js';
import type { Block, Func, Instr, Phi, Temp, Value } from '../ir/ir.js';
import { cloneLoop, findLoops, preheader, type Loop } from './loops.js';
import { add, alwaysAtMost, Conditions, I32, num, type Lin } from './ranges.js';

/** The same temporary or the same constant. */
const same = (a: Value, b: Value): boolean =>
  (a.kind === 'temp' && b.kind === 'temp' && a.id === b.id) || (a.kind === 'const' && b.kind === 'const' && a.value === b.value);

/** Loops with more instructions than this are not copied. */
const MAX_LOOP = 150;

/** A check `jnz (cultl (extsw IDX), len)` in the loop with IDX = i + off. */
interface Check {
  block: Block;
  off: Lin;
  len: Value;
}

export function versionLoops(f: Func): void {
  const skip = new Set<Block>();
  for (let again = true; again; ) {
    again = false;
    // Outer loops first: the inner loops of an original (checked) loop stay as they are.
    for (const loop of findLoops(f).sort((a, b) => b.blocks.size - a.blocks.size)) {
      if (skip.has(loop.header)) continue;
      skip.add(loop.header);
      if (version(f, loop, skip)) {
        again = true;
        break;
      }
    }
  }
}

function version(f: Func, loop: Loop, skip: Set<Block>): boolean {
  const defs = new Map<number, Instr>();
  const inLoop = new Set<number>();
  for (const b of f.blocks) {
    for (const p of b.phis) if (loop.blocks.has(b)) inLoop.add(p.dst.id);
    for (const i of b.instrs) {
      if (!i.dst) continue;
      defs.set(i.dst.id, i);
      if (loop.blocks.has(b)) inLoop.add(i.dst.id);
    }
  }
  // Values from before the loop; temporaries of class w only (the conditions sign-extend them).
  const invariant = (v: Value): boolean => v.kind === 'const' || (v.kind === 'temp' && v.cls === 'w' && !inLoop.has(v.id));
  const defOf = (v: Value, op: string): Instr | null => {
    const d = v.kind === 'temp' ? defs.get(v.id) : undefined;
    return d && d.op === op ? d : null;
  };
  const lin = (v: Value): Lin => (v.kind === 'const' ? num(BigInt.asIntN(32, v.value)) : { terms: [{ v: v as Temp, coef: 1n }], c: 0n });

  const h = loop.header;
  const preds = predecessors(f);
  const side = versioned(h, preds.get(h)!.filter((p) => !loop.blocks.has(p)), preds);
  if (side) {
    // The original's inner loops stay checked, as the first time.
    if (side === 'slow') for (const b of loop.blocks) skip.add(b);
    return false;
  }

  // The counter: the latch's test, its step and its phi.
  const latch = loop.latches.length === 1 ? loop.latches[0] : null;
  const t = latch?.term;
  if (!latch || t?.kind !== 'jnz' || t.ifTrue !== h || loop.blocks.has(t.ifFalse)) return false;
  const exit = t.ifFalse;
  const test = defOf(t.cond, 'cslt') ?? defOf(t.cond, 'csle');
  if (!test || test.argCls !== 'w' || !invariant(test.args[1])) return false;
  const next = defOf(test.args[0], 'add');
  const phi = h.phis.find((p) => next && p.args.some((a) => a.pred === latch && same(a.value, next.dst!)));
  if (!next || next.cls !== 'w' || !phi) return false;
  const iv = phi.dst;
  const stepAt = next.args.findIndex((a) => same(a, iv));
  const step = next.args[1 - stepAt];
  if (stepAt < 0 || !invariant(step)) return false;
  const entries = preds.get(h)!.filter((p) => p !== latch);
  if (entries.length !== 1 || preds.get(h)!.length !== 2) return false;
  const start = phi.args.find((a) => a.pred === entries[0])!.value;
  if (!invariant(start)) return false;

  // The checks of IDX = iv + off.
  const checks: Check[] = [];
  let size = 0;
  for (const b of loop.blocks) {
    size += b.instrs.length;
    if (b.instrs.some((i) => i.op === 'asm' || i.op === 'alloc')) return false;
    const c = b.term.kind === 'jnz' ? defOf(b.term.cond, 'cult') : null;
    const len = c?.args[1];
    const ext = c && len && c.argCls === 'l' && (len.kind === 'const' || (len.kind === 'temp' && !inLoop.has(len.id))) ? defOf(c.args[0], 'extsw') : null;
    if (!c || !ext) continue;
    const idx = ext.args[0];
    const sum = defOf(idx, 'add') ?? defOf(idx, 'sub');
    if (same(idx, iv)) checks.push({ block: b, off: num(0n), len: c.args[1] });
    else if (sum && sum.cls === 'w' && same(sum.args[0], iv) && invariant(sum.args[1])) {
      checks.push({ block: b, off: sum.op === 'add' ? lin(sum.args[1]) : add(num(0n), lin(sum.args[1]), -1n), len: c.args[1] });
    } else if (sum && sum.op === 'add' && sum.cls === 'w' && same(sum.args[1], iv) && invariant(sum.args[0])) {
      checks.push({ block: b, off: lin(sum.args[0]), len: c.args[1] });
    }
  }
  if (checks.length === 0 || size > MAX_LOOP) return false;

  // Where the loop's values go after it.
  const leaves = (v: Value): boolean => v.kind === 'temp' && inLoop.has(v.id);
  let usedAfter = false;
  for (const b of f.blocks) {
    if (loop.blocks.has(b)) continue;
    const deadEnd = b.term.kind === 'unreachable' && preds.get(b)!.some((p) => loop.blocks.has(p));
    if (deadEnd && (b.phis.length > 0 || b.instrs.some((i) => i.args.some(leaves)))) return false;
    if (b.phis.some((p) => p.args.some((a) => leaves(a.value) && !(b === exit && loop.blocks.has(a.pred))))) usedAfter = true;
    if (b.instrs.some((i) => i.args.some(leaves) || (i.callee && leaves(i.callee))) || (b.term.kind !== 'jmp' && leavesTerm(b, leaves))) {
      usedAfter = true;
    }
  }
  if (usedAfter && (preds.get(exit)!.length !== 1 || exit.phis.length > 0)) return false;
  for (const b of loop.blocks) {
    for (const s of successors(b)) if (!loop.blocks.has(s) && s !== exit && s.term.kind !== 'unreachable') return false;
  }

  // The conditions, in the preheader.
  const guard = entries[0];
  const tested = guardTested(guard, h, preds, test.op, start, test.args[1], defOf);
  const pre = preheader(f, h, guard);
  if (!pre) return false;
  // A new preheader changes the loops found: say so, so that they are found again.
  const changed = pre !== guard;
  const stepL = lin(step);
  const bound = add(lin(test.args[1]), num(test.op === 'cslt' ? -1n : 0n));
  // S <= B': tested before the loop, or known (both constants).
  const guarded = tested || alwaysAtMost(add(lin(start), bound, -1n), 0n);
  const tops = guarded ? [bound] : [lin(start), bound];
  const conds = new Conditions(f);
  conds.atLeast(stepL, 1n);
  for (const top of tops) conds.atMost(add(top, stepL), I32 - 1n);
  for (const { off, len } of checks) {
    if (guarded) {
      // From S + off >= 0 up to B' + off.
      conds.atLeast(add(lin(start), off), 0n);
      conds.atMost(add(bound, off), I32 - 1n);
    } else for (const top of tops) conds.below(add(top, off), constant(I32));
    for (const top of tops) conds.below(add(top, off), len);
  }
  if (conds.impossible) return changed;
  if (conds.empty) {
    for (const c of checks) (c.block.term as { cond: Value }).cond = constant(1);
    return true;
  }

  // The copy without the checks, entered when they all hold.
  const copy = cloneLoop(f, loop);
  for (const c of checks) (copy.block(c.block).term as { cond: Value }).cond = constant(1);
  for (const p of exit.phis) {
    for (const a of [...p.args]) if (loop.blocks.has(a.pred)) p.args.push({ pred: copy.block(a.pred), value: copy.value(a.value) });
  }
  if (usedAfter) {
    const merged = new Map<number, Phi>();
    const sub = (v: Value): Value => {
      if (!leaves(v) || v.kind !== 'temp') return v;
      let m = merged.get(v.id);
      if (!m) merged.set(v.id, (m = { dst: newTemp(f, v.cls, v.hint), args: [{ pred: latch, value: v }, { pred: copy.block(latch), value: copy.value(v) }] }));
      return m.dst;
    };
    const copied = new Set([...loop.blocks].map(copy.block));
    replaceUses(f, sub, (b) => !loop.blocks.has(b) && !copied.has(b));
    exit.phis.push(...merged.values());
  }
  conds.branch(pre, copy.block(h), h);
  for (const b of loop.blocks) skip.add(b);
  skip.add(copy.block(h));
  return true;
}

/**
 * Whether the loop at h is one side of a loop this pass versioned (the
 * pipeline run again): a block that enters it, directly or through a
 * preheader another pass made, chooses between h and a copy of it (same
 * label, same entry values). 'slow' when h is the original, where the
 * test's failures go.
 */
function versioned(h: Block, outside: Block[], preds: Map<Block, Block[]>): 'fast' | 'slow' | null {
  const jump = (b: Block): boolean => b.term.kind === 'jmp' && b.phis.length === 0;
  const enter = outside.length === 1 && jump(outside[0]) ? outside[0] : null;
  for (const chooser of enter ? preds.get(enter)! : outside) {
    const t = chooser.term;
    if (t.kind !== 'jnz') continue;
    // Each side: its header and the block that enters it.
    const side = (b: Block): [Block, Block] =>
      b.term.kind === 'jmp' && jump(b) && preds.get(b)!.length === 1 ? [b.term.target, b] : [b, chooser];
    const [[a, fromA], [b, fromB]] = [side(t.ifTrue), side(t.ifFalse)];
    if ((a === h) === (b === h) || a.label !== b.label || a.phis.length !== b.phis.length) continue;
    const from = (x: Block, p: Block): Value[] => x.phis.map((phi) => phi.args.find((arg) => arg.pred === p)?.value ?? constant(0));
    const [x, y] = [from(a, fromA), from(b, fromB)];
    if (x.every((v, i) => same(v, y[i]))) return b === h ? 'slow' : 'fast';
  }
  return null;
}

const leavesTerm = (b: Block, leaves: (v: Value) => boolean): boolean => {
  const t = b.term;
  return (t.kind === 'jnz' && leaves(t.cond)) || (t.kind === 'switch' && leaves(t.value)) || (t.kind === 'ret' && !!t.value && leaves(t.value));
};

/** Whether the loop is entered from `guard` only when `start op bound` held (the test rotation copied before it). */
function guardTested(
  guard: Block,
  h: Block,
  preds: Map<Block, Block[]>,
  op: string,
  start: Value,
  bound: Value,
  defOf: (v: Value, op: string) => Instr | null,
): boolean {
  let from = guard;
  let to = h;
  if (guard.term.kind === 'jmp' && guard.phis.length === 0 && preds.get(guard)!.length === 1) [from, to] = [preds.get(guard)![0], guard];
  const t = from.term;
  if (t.kind !== 'jnz' || t.ifTrue !== to || t.ifFalse === to) return false;
  const c = defOf(t.cond, op);
  return !!c && c.argCls === 'w' && same(c.args[0], start) && same(c.args[1], bound);
}
