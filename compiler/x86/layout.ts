// Block layout, after register allocation and jump threading: the blocks
// that end in ud2 (panic paths: failed bounds checks, division by zero,
// assertions) move to the end of the function, and a block whose hot
// successor would otherwise sit elsewhere gets it as its fall-through.
// emit.ts then drops the jump to the next block and turns `jcc T; jmp F`
// with T next into one inverted jcc, so a bounds check costs a compare and
// a branch that is never taken, and the cold code stays out of the loop.
import { blockSuccessors } from './minst.js';
import type { MBlock, MFunc } from './minst.js';

/** Whether b ends a panic path (its last instruction is ud2). */
const isCold = (b: MBlock): boolean => b.insts.at(-1)?.op === 'ud2';

export function layoutBlocks(f: MFunc): void {
  if (f.blocks.length < 3) return;
  const byId = new Map(f.blocks.map((b) => [b.id, b]));
  const preds = new Map<number, number>();
  for (const b of f.blocks) for (const s of blockSuccessors(b)) preds.set(s, (preds.get(s) ?? 0) + 1);
  // The entry stays first whatever it ends in.
  const cold = (b: MBlock): boolean => b !== f.blocks[0] && isCold(b);
  const hot = f.blocks.filter((b) => !cold(b));
  const placed = new Set<MBlock>();
  const order: MBlock[] = [];
  /** The successor to place right after b: its original next block, else its only hot successor when b is that block's only predecessor. */
  const fallThrough = (b: MBlock, origNext: MBlock | undefined): MBlock | undefined => {
    const succ = blockSuccessors(b).map((id) => byId.get(id)!).filter((s) => !placed.has(s) && !cold(s));
    if (origNext && succ.includes(origNext)) return origNext;
    if (succ.length === 1 && preds.get(succ[0].id) === 1 && b.insts.at(-1)?.op !== 'jmptab') return succ[0];
    return undefined;
  };
  let k = 0;
  while (order.length < hot.length) {
    while (placed.has(hot[k])) k++;
    let b: MBlock | undefined = hot[k];
    while (b) {
      placed.add(b);
      order.push(b);
      b = fallThrough(b, hot[hot.indexOf(b) + 1]);
    }
  }
  f.blocks = [...order, ...f.blocks.filter(cold)];
}
