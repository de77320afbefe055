// Read-modify-write fusion, on the machine IR before register allocation:
// a load, one arithmetic step and a store back to the same address
//
//   mov32z v1, dword [M]        mov v1, qword [M]
//   lea v2, [v1 + 1]            (or: mov v2, v1; add v2, x)
//   mov dword [M], v2           mov qword [M], v2
//
// become one `add dword [M], 1` (`add qword [M], x`) when v1 and v2 are
// used nowhere else: `this.count++` is one instruction instead of three.
// The steps fused are lea with a displacement only, and add, sub, and, or,
// xor with an immediate or another register. The instructions must be
// adjacent (nothing can write memory or M's registers between them), and
// since add writes the flags where lea does not, the flags must not be read
// after the store before something sets them again.
import { FIRST_VREG, fitsImm32, usesDefs } from './minst.js';
import type { MFunc, MInst, MOp, MemOp, Operand } from './minst.js';

const ALU: MOp[] = ['add', 'sub', 'and', 'or', 'xor'];
const FLAG_READERS: MOp[] = ['jcc', 'setcc', 'cmov'];
const FLAG_WRITERS: MOp[] = ['cmp', 'test', 'ucomi', 'call', 'jmp', 'ret', ...ALU];

const isVreg = (o: Operand | undefined, r?: number): boolean => o?.k === 'reg' && o.r >= FIRST_VREG && (r === undefined || o.r === r);
const sameMem = (a: MemOp, b: MemOp): boolean =>
  a.w === b.w && a.base === b.base && a.index === b.index && a.scale === b.scale && a.sym === b.sym && a.slot === b.slot && a.disp === b.disp;

/** Whether the flags are read after insts[k] before anything sets them again. */
function flagsReadAfter(insts: MInst[], k: number): boolean {
  for (let j = k + 1; j < insts.length; j++) {
    if (FLAG_READERS.includes(insts[j].op)) return true;
    if (FLAG_WRITERS.includes(insts[j].op)) return false;
  }
  return false;
}

/** Fuses load–op–store triples of f in place; returns how many. */
export function fuseReadModifyWrite(f: MFunc): number {
  const uses = new Map<number, number>();
  for (const b of f.blocks) {
    for (const mi of b.insts) {
      const ud = usesDefs(mi);
      for (const r of [...ud.uses, ...ud.defs]) if (r >= FIRST_VREG) uses.set(r, (uses.get(r) ?? 0) + 1);
    }
  }
  const count = (r: number): number => uses.get(r) ?? 0;
  let fused = 0;
  for (const b of f.blocks) {
    const out: MInst[] = [];
    const insts = b.insts;
    for (let k = 0; k < insts.length; k++) {
      const n = tryFuse(insts, k, count);
      if (n > 0) {
        out.push(n === 3 ? fusedOf(insts[k], insts[k + 1], insts[k + 2]) : fusedOf(insts[k], insts[k + 2], insts[k + 3]));
        k += n - 1;
        fused++;
      } else {
        out.push(insts[k]);
      }
    }
    b.insts = out;
  }
  return fused;
}

/** How many instructions from insts[k] form a fusable triple (3, or 4 with a copy), or 0. */
function tryFuse(insts: MInst[], k: number, count: (r: number) => number): number {
  const ld = insts[k];
  if ((ld.op !== 'mov' && ld.op !== 'mov32z') || !isVreg(ld.a[0]) || ld.a[1]?.k !== 'mem') return 0;
  const m = ld.a[1];
  const v1 = (ld.a[0] as { r: number }).r;
  if (m.w !== 4 && m.w !== 8) return 0;
  if (m.base === v1 || m.index === v1 || count(v1) !== 2) return 0;
  let j = k + 1;
  let v = v1;
  // An optional copy in front of a two-address step: mov v2, v1.
  const cp = insts[j];
  if (cp?.op === 'mov' && isVreg(cp.a[0]) && isVreg(cp.a[1], v1)) {
    v = (cp.a[0] as { r: number }).r;
    // Written by the copy, read and written by the step, read by the store.
    if (count(v) !== 4) return 0;
    j++;
  }
  const step = insts[j];
  const st = insts[j + 1];
  if (!step || !st) return 0;
  let v2: number;
  if (step.op === 'lea' && v === v1) {
    const a = step.a[1];
    if (!isVreg(step.a[0]) || a.k !== 'mem' || a.base !== v1 || a.index !== undefined || a.sym !== undefined || a.slot !== undefined) return 0;
    v2 = (step.a[0] as { r: number }).r;
    if (count(v2) !== 2) return 0;
  } else if (ALU.includes(step.op) && v !== v1 && isVreg(step.a[0], v)) {
    const x = step.a[1];
    if (!(x.k === 'imm' && fitsImm32(x.v)) && !(x.k === 'reg' && x.r !== v && x.r !== v1)) return 0;
    v2 = v;
  } else {
    return 0;
  }
  if (st.op !== 'mov' || st.a[0].k !== 'mem' || !sameMem(st.a[0], m) || !isVreg(st.a[1], v2)) return 0;
  if (m.base === v2 || m.index === v2 || flagsReadAfter(insts, j + 1)) return 0;
  return j + 2 - k;
}

/** The one instruction for a load, a step and a store. */
function fusedOf(ld: MInst, step: MInst, st: MInst): MInst {
  const m = st.a[0] as MemOp;
  if (step.op === 'lea') return { op: 'add', a: [m, { k: 'imm', v: BigInt((step.a[1] as MemOp).disp) }], loc: st.loc ?? ld.loc };
  const x = step.a[1];
  return { op: step.op, a: [m, x.k === 'reg' ? { ...x, w: m.w } : x], loc: st.loc ?? ld.loc };
}
