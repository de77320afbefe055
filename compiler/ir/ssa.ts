// SSA construction while lowering, after Braun et al., "Simple and Efficient
// Construction of Static Single Assignment Form" (CC 2013): a variable's
// current value is tracked per block; reads in unsealed blocks get operandless
// phis that are completed when every predecessor is known. Trivial phis are
// removed at the end by removeTrivialPhis.
import { newTemp, predecessors, replaceUses, constant } from './ir.js';
import type { Block, Cls, Func, Phi, Value } from './ir.js';

/** Identifies a source variable (a TS local or parameter). */
export type VarKey = object;

export class SsaBuilder {
  private readonly current = new Map<Block, Map<VarKey, Value>>();
  private readonly incomplete = new Map<Block, [VarKey, Cls, Phi][]>();
  private readonly sealed = new Set<Block>();
  private readonly preds = new Map<Block, Block[]>();

  constructor(private readonly f: Func) {}

  /** Records a control-flow edge; call before the target block is sealed. */
  addEdge(from: Block, to: Block): void {
    if (this.sealed.has(to)) throw new Error(`internal: edge into sealed block @${to.label}`);
    const list = this.preds.get(to) ?? [];
    list.push(from);
    this.preds.set(to, list);
  }

  write(v: VarKey, b: Block, value: Value): void {
    let m = this.current.get(b);
    if (!m) this.current.set(b, (m = new Map()));
    m.set(v, value);
  }

  read(v: VarKey, b: Block, cls: Cls, hint?: string): Value {
    const known = this.current.get(b)?.get(v);
    if (known) return known;
    return this.readRecursive(v, b, cls, hint);
  }

  /** Declares that every predecessor of b is now known. */
  seal(b: Block): void {
    if (this.sealed.has(b)) return;
    this.sealed.add(b);
    for (const [v, cls, phi] of this.incomplete.get(b) ?? []) this.fillPhi(v, b, cls, phi);
    this.incomplete.delete(b);
  }

  private readRecursive(v: VarKey, b: Block, cls: Cls, hint?: string): Value {
    const preds = this.preds.get(b) ?? [];
    let value: Value;
    if (!this.sealed.has(b)) {
      const phi: Phi = { dst: newTemp(this.f, cls, hint), args: [] };
      b.phis.push(phi);
      const list = this.incomplete.get(b) ?? [];
      list.push([v, cls, phi]);
      this.incomplete.set(b, list);
      value = phi.dst;
    } else if (preds.length === 1) {
      value = this.read(v, preds[0], cls, hint);
    } else if (preds.length === 0) {
      // Read before any write (only in unreachable code, or the TS checker
      // has already reported it): the value is zero.
      value = constant(0);
    } else {
      const phi: Phi = { dst: newTemp(this.f, cls, hint), args: [] };
      b.phis.push(phi);
      this.write(v, b, phi.dst); // breaks cycles through loops
      this.fillPhi(v, b, cls, phi);
      value = phi.dst;
    }
    this.write(v, b, value);
    return value;
  }

  private fillPhi(v: VarKey, b: Block, cls: Cls, phi: Phi): void {
    for (const p of this.preds.get(b) ?? []) {
      phi.args.push({ pred: p, value: this.read(v, p, cls, phi.dst.hint) });
    }
  }
}

/**
 * Removes phis whose operands are all one value (or the phi itself), and
 * phis in blocks whose predecessor lists no longer match, until none is left.
 */
export function removeTrivialPhis(f: Func): void {
  for (;;) {
    const subst = new Map<number, Value>();
    for (const b of f.blocks) {
      b.phis = b.phis.filter((phi) => {
        let same: Value | null = null;
        for (const a of phi.args) {
          const v = a.value;
          if (v.kind === 'temp' && v.id === phi.dst.id) continue;
          if (same && sameValue(same, v)) continue;
          if (same) return true; // two distinct operands: a real phi
          same = v;
        }
        subst.set(phi.dst.id, same ?? constant(0));
        return false;
      });
    }
    if (subst.size === 0) return;
    const resolve = (v: Value): Value => {
      while (v.kind === 'temp' && subst.has(v.id)) v = subst.get(v.id)!;
      return v;
    };
    replaceUses(f, resolve);
  }
}

export function sameValue(a: Value, b: Value): boolean {
  if (a.kind === 'temp') return b.kind === 'temp' && a.id === b.id;
  if (a.kind === 'const') return b.kind === 'const' && a.value === b.value;
  return b.kind === 'sym' && a.name === b.name;
}

/** Drops phi operands from blocks that are no longer predecessors. */
export function prunePhiArgs(f: Func): void {
  const preds = predecessors(f);
  for (const b of f.blocks) {
    const ps = preds.get(b) ?? [];
    for (const phi of b.phis) phi.args = phi.args.filter((a) => ps.includes(a.pred));
  }
}
