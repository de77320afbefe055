// thread: jump threading over constants. When a block B does nothing but
// decide a branch (phis, pure integer arithmetic, `jnz c`) and c is a
// constant on the edge from one predecessor P, P jumps straight to the
// target B would take. The shape comes from inlining a function that
// returns a boolean into a condition:
//
//   while (sent < PAGE && ring.push(b)) sent++;
//
// leaves `@r: %ok = phi @full 0, @stored 1; jnz %ok, @body, @exit`: after
// threading, @full jumps to @exit and @stored to @body, and neither the 0/1
// nor its test is computed (the same for `-1` sentinels: `phi @empty -1, …;
// %c = csgew %x, 0; jnz %c, …`).
//
// The target's phis get, for the new edge from P, the value they had from
// B, read as P would have made it (a phi of B becomes its value from P). The
// edge moves only if the function stays in SSA form (every value B defines
// and something outside B uses is still dominated by B) and reducible (no
// loop gains a second entry), and P does not already branch to the target.
import { constant, instrUses, predecessors, retarget, successors, termUses } from '../ir/ir.js';
import type { Block, Func, Instr, Phi, Value } from '../ir/ir.js';
import { opInfo, wrapS } from '../ir/ops.js';
import { dominates, dominators } from '../ir/verify.js';

/** Rounds over the function: a threaded edge may reach another block it can thread through. */
const ROUNDS = 4;

export function threadJumps(f: Func): void {
  for (let round = 0; round < ROUNDS; round++) {
    let changed = false;
    for (const b of [...f.blocks]) if (threadBlock(f, b)) changed = true;
    if (!changed) return;
  }
}

/** Whether b only decides its branch: integer instructions that fold, nothing with an effect. */
function decidesOnly(b: Block): boolean {
  if (b.term.kind !== 'jnz' || b.term.cond.kind !== 'temp' || b.term.ifTrue === b.term.ifFalse) return false;
  return b.instrs.every((i) => {
    const info = opInfo(i.op);
    return info.fold !== undefined && !info.effect && !info.traps && !i.volatile && i.dst !== null;
  });
}

/** The constants of b's phis and instructions on the edge from p (those that are constant). */
function valuesFrom(b: Block, p: Block): Map<number, bigint> {
  const env = new Map<number, bigint>();
  for (const phi of b.phis) {
    const v = phi.args.find((a) => a.pred === p)?.value;
    if (v?.kind === 'const' && v.float === undefined) env.set(phi.dst.id, v.value);
  }
  const known = (v: Value): bigint | undefined =>
    v.kind === 'const' && v.float === undefined ? v.value : v.kind === 'temp' ? env.get(v.id) : undefined;
  for (const i of b.instrs) {
    const args = i.args.map(known);
    if (args.some((a) => a === undefined)) continue;
    const info = opInfo(i.op);
    const r = info.fold!(args[0]!, args[1] ?? 0n, info.compare ? i.argCls! : i.cls);
    if (r !== undefined) env.set(i.dst!.id, wrapS(r, i.cls));
  }
  return env;
}

/** Threads the edges into b that can be; returns whether any moved. */
function threadBlock(f: Func, b: Block): boolean {
  if (!decidesOnly(b) || b === f.blocks[0]) return false;
  const t = b.term as Extract<Block['term'], { kind: 'jnz' }>;
  const cond = t.cond as Value & { kind: 'temp' };
  let moved = false;
  for (const p of predecessors(f).get(b)!) {
    if (p === b || countEdges(p, b) !== 1) continue;
    const env = valuesFrom(b, p);
    const c = env.get(cond.id);
    if (c === undefined) continue;
    const to = c !== 0n ? t.ifTrue : t.ifFalse;
    if (to === b || successors(p).includes(to)) continue;
    const incoming = to.phis.map((phi) => asFrom(b, p, env, phi));
    if (incoming.some((v) => v === null)) continue;
    const undo = move(p, b, to, incoming as Value[]);
    if (stillValid(f, b)) moved = true;
    else undo();
  }
  return moved;
}

/** How many edges of p's terminator go to b (a switch may have several). */
function countEdges(p: Block, b: Block): number {
  const t = p.term;
  if (t.kind === 'jmp') return t.target === b ? 1 : 0;
  if (t.kind === 'jnz') return (t.ifTrue === b ? 1 : 0) + (t.ifFalse === b ? 1 : 0);
  if (t.kind === 'switch') return t.cases.filter((k) => k.target === b).length + (t.default === b ? 1 : 0);
  return 0;
}

/** The value `phi` (of b's target) gets on a new edge from p: its value from b, as p would have made it. */
function asFrom(b: Block, p: Block, env: Map<number, bigint>, phi: Phi): Value | null {
  const v = phi.args.find((a) => a.pred === b)!.value;
  if (v.kind !== 'temp') return v;
  const own = b.phis.find((q) => q.dst.id === v.id);
  if (own) return own.args.find((a) => a.pred === p)!.value;
  if (b.instrs.some((i) => i.dst?.id === v.id)) {
    const k = env.get(v.id);
    return k === undefined ? null : constant(k);
  }
  return v;
}

/** Moves the edge p → b to p → to; returns how to put it back. */
function move(p: Block, b: Block, to: Block, incoming: Value[]): () => void {
  const oldArgs = b.phis.map((phi) => phi.args);
  retarget(p, b, to);
  for (const phi of b.phis) phi.args = phi.args.filter((a) => a.pred !== p);
  to.phis.forEach((phi, k) => phi.args.push({ pred: p, value: incoming[k] }));
  return () => {
    retarget(p, to, b);
    b.phis.forEach((phi, k) => (phi.args = oldArgs[k]));
    for (const phi of to.phis) phi.args = phi.args.filter((a) => a.pred !== p);
  };
}

/**
 * After a move: b still dominates every use of what it defines in a
 * reachable block (when b has no way in left, there may be none), and the
 * graph is reducible.
 */
function stillValid(f: Func, b: Block): boolean {
  const idom = dominators(f);
  const defined = new Set<number>([...b.phis.map((p) => p.dst.id), ...b.instrs.map((i) => i.dst!.id)]);
  const usedIn = (v: Value): boolean => v.kind === 'temp' && defined.has(v.id);
  const reaches = (at: Block): boolean => idom.has(b) && dominates(idom, b, at);
  for (const u of f.blocks) {
    if (u === b || !idom.has(u)) continue;
    for (const phi of u.phis) {
      for (const a of phi.args) if (a.pred !== b && usedIn(a.value) && idom.has(a.pred) && !reaches(a.pred)) return false;
    }
    const reads = u.instrs.some((i: Instr) => instrUses(i).some(usedIn)) || termUses(u.term).some(usedIn);
    if (reads && !reaches(u)) return false;
  }
  return reducible(f, idom);
}

/** Whether the edges that are not back edges (target dominating source) form no cycle (an iterative DFS). */
function reducible(f: Func, idom: Map<Block, Block>): boolean {
  const onStack = new Set<Block>();
  const done = new Set<Block>();
  const stack: { x: Block; next: Block[] }[] = [];
  const push = (x: Block): void => {
    onStack.add(x);
    stack.push({ x, next: successors(x).filter((s) => !dominates(idom, s, x)) });
  };
  push(f.blocks[0]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const s = top.next.pop();
    if (s === undefined) {
      onStack.delete(top.x);
      done.add(top.x);
      stack.pop();
    } else if (onStack.has(s)) return false;
    else if (!done.has(s)) push(s);
  }
  return true;
}
