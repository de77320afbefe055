// Instruction selection: IR (after outssa, so without phis) → machine IR
// over virtual registers. IR temp N becomes vreg FIRST_VREG+N. Constants
// become immediates when they fit a sign-extended imm32 (else a mov into a
// register), symbol addresses `lea r, [rel sym]`, alloc slots frame slots.
// Fixed registers (arguments, rax/rdx for division, cl for shifts) appear as
// physical operands, so the allocator sees them as constraints.
//
// This file drives the selection: it counts uses, walks the blocks and
// dispatches each instruction to its selector. The work is split by concern:
//   isel-core.ts   the Selector: machine function, operands, constants
//   isel-int.ts    integer arithmetic, comparisons, memory
//   isel-machine.ts machine intrinsics: ports, control registers, MSRs, …
//   isel-float.ts  SSE2 floats: arithmetic, comparisons, conversions
//   isel-call.ts   calls, syscalls, parameters, return values (SysV)
//   isel-asm.ts    inline asm: operand copies, fixed registers, clobbers
//   isel-term.ts   terminators: branches (fused compares), switch (jump
//                  tables, binary search), ret, unreachable
import { instrUses, reversePostorder, successors, termUses } from '../ir/ir.js';
import type { Block, Func, Instr, Value } from '../ir/ir.js';
import type { MBlock, MFunc } from './minst.js';
import { Selector } from './isel-core.js';
import { LOAD, STORE, selectIntInstr } from './isel-int.js';
import { FLOAD, FSTORE, isFloatInstr, selectFloatInstr } from './isel-float.js';
import { selectCall, selectParams, selectSyscall } from './isel-call.js';
import { fusable, selectTerm } from './isel-term.js';
import { planAddresses } from './isel-addr.js';
import { selectMachineInstr } from './isel-machine.js';
import { selectAsm, selectAsmOut } from './isel-asm.js';

export { classifyArgs } from './isel-call.js';
export { isDenseSwitch, JUMP_TABLE_MAX_SPAN_PER_CASE, JUMP_TABLE_MIN_CASES } from './isel-term.js';

/** Counts the uses of every temp, and finds the alloc temps used only as load/store addresses. */
function countUses(s: Selector): void {
  const nonAddr = new Set<number>();
  const bump = (v: Value): void => {
    if (v.kind === 'temp') s.useCount.set(v.id, (s.useCount.get(v.id) ?? 0) + 1);
  };
  for (const b of s.f.blocks) {
    for (const i of b.instrs) {
      instrUses(i).forEach(bump);
      if (i.op === 'alloc' && i.dst) s.addrOnly.add(i.dst.id);
      const addrPos = LOAD[i.op] || FLOAD[i.op] ? 0 : STORE[i.op] || FSTORE[i.op] ? 1 : -1;
      instrUses(i).forEach((v, k) => {
        const pos = i.callee ? k - 1 : k;
        if (v.kind === 'temp' && pos !== addrPos) nonAddr.add(v.id);
      });
    }
    termUses(b.term).forEach((v) => {
      bump(v);
      if (v.kind === 'temp') nonAddr.add(v.id);
    });
  }
  for (const id of nonAddr) s.addrOnly.delete(id);
}

function selectInstr(s: Selector, i: Instr, fused: Instr | null): void {
  s.loc = i.loc ?? s.loc;
  if (i === fused || s.absorbed.has(i)) return; // emitted with the branch, or folded into an address
  if (isFloatInstr(i)) selectFloatInstr(s, i);
  else if (i.op === 'call') selectCall(s, i);
  else if (i.op === 'syscall') selectSyscall(s, i);
  else if (i.op === 'asm') selectAsm(s, i);
  else if (i.op === 'asmout') selectAsmOut(s, i);
  else if (selectMachineInstr(s, i)) return;
  else if (!selectIntInstr(s, i)) throw new Error(`isel: no selection for op '${i.op}'`);
}

/** The machine blocks of one IR block: its own, then any its terminator added. */
function selectBlock(s: Selector, b: Block, depth: number): MBlock[] {
  s.out = [];
  const fused = fusable(s, b);
  for (const i of b.instrs) selectInstr(s, i, fused);
  const own: MBlock = { id: b.id, label: b.label, insts: s.out, depth };
  const extra = selectTerm(s, b, fused, depth);
  return [own, ...extra];
}

/** Loop depth per block, estimated from back edges (jumps to an earlier block in layout order). */
function loopDepths(order: Block[]): Map<Block, number> {
  const index = new Map(order.map((b, k) => [b, k]));
  const depth = new Map(order.map((b) => [b, 0]));
  for (const b of order) {
    for (const s of successors(b)) {
      const h = index.get(s);
      const p = index.get(b)!;
      if (h !== undefined && h <= p) for (let k = h; k <= p; k++) depth.set(order[k], depth.get(order[k])! + 1);
    }
  }
  return depth;
}

/** Selects instructions for a phi-free function. Blocks keep the IR's order; unreachable ones are dropped. */
export function selectFunc(f: Func): MFunc {
  const sel = new Selector(f);
  countUses(sel);
  planAddresses(sel);
  const reachable = new Set(reversePostorder(f));
  const order = f.blocks.filter((b) => reachable.has(b));
  const depth = loopDepths(order);
  sel.mf.blocks.push(selectParams(sel, sel.newBlockId(), order[0].id));
  for (const b of order) sel.mf.blocks.push(...selectBlock(sel, b, depth.get(b)!));
  return sel.mf;
}
