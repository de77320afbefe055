// Instruction selection and emission of inline asm (docs/language.md §11).
//
// An IR `asm` becomes, in order:
//   1. a copy of each class input into a fresh vreg (never spilled, see
//      regalloc.ts) and a move of each explicit input into its register;
//   2. the `asm` machine instruction: class operands as its register
//      operands (role r, w or rw), explicit inputs in `uses`, explicit
//      outputs and clobbers in `defs`, `early` when an output is `out`
//      (its inputs then stay live until the outputs are written, so no
//      output shares an input's register);
//   3. copies of the outputs into the IR temps (output 0 here, the others
//      at their asmout, which follows directly).
// The template is filled in at emission with the allocated registers.
import type { Cls, Instr, Temp, Value } from '../ir/ir.js';
import { fillTemplate, isClass, isInput, isOutput, registerNumber, MODIFIER_WIDTH } from '../ir/asm.js';
import { isFloatCls } from '../ir/ops.js';
import { XMM0, reg, regName } from './minst.js';
import type { MInst, RegOp, Role, Width } from './minst.js';
import { W } from './isel-core.js';
import type { Selector } from './isel-core.js';
import { argMove } from './isel-call.js';

const valueCls = (v: Value, fallback: Cls): Cls => (v.kind === 'temp' ? v.cls : v.kind === 'const' && v.float ? v.float : fallback);

/** Selects an asm; remembers where its outputs are for the asmouts after it. */
export function selectAsm(s: Selector, i: Instr): void {
  const spec = i.asm!;
  const a: RegOp[] = [];
  const roles: Role[] = [];
  const uses: number[] = [];
  const defs: number[] = [];
  const where: ({ a: number } | { r: number })[] = [];
  const outRegs: RegOp[] = [];
  let input = 0;
  const classCopies: (() => void)[] = [];
  const fixedMoves: (() => void)[] = [];
  for (const o of spec.operands) {
    const v = isInput(o.dir) ? i.args[input++] : null;
    const c: Cls = v ? valueCls(v, 'l') : 'l';
    const xmm = o.reg.startsWith('xmm');
    if (isClass(o.reg)) {
      const r = xmm ? s.newXVreg(8) : s.newVreg(8);
      where.push({ a: a.length });
      a.push(r);
      roles.push(o.dir === 'in' ? 'r' : o.dir === 'inout' ? 'rw' : 'w');
      if (v) classCopies.push(() => moveIn(s, r, v, c));
      if (isOutput(o.dir)) outRegs.push(r);
    } else {
      const n = physical(o.reg);
      where.push({ r: n });
      if (v) {
        uses.push(n);
        fixedMoves.push(() => moveIn(s, reg(n, 8), v, c));
      }
      if (isOutput(o.dir)) {
        defs.push(n);
        outRegs.push(reg(n, 8));
      }
    }
  }
  for (const r of spec.clobbers) defs.push(physical(r));
  // Class copies first: the explicit registers are then live only across plain moves.
  for (const f of [...classCopies, ...fixedMoves]) f();
  const early = spec.operands.some((o) => o.dir === 'out');
  s.emit('asm', a, { roles, uses, defs, early, asm: { template: spec.template, where } });
  s.asmOutputs = { dst: i.dst, regs: outRegs };
  if (i.dst) moveOut(s, i.dst, outRegs[0]);
}

/** `%y = asmout %x, k`: output k of the asm just selected. */
export function selectAsmOut(s: Selector, i: Instr): void {
  const k = i.args[1].kind === 'const' ? Number(i.args[1].value) : -1;
  const src = s.asmOutputs?.regs[k];
  if (!src || i.args[0].kind !== 'temp' || s.asmOutputs?.dst?.id !== i.args[0].id) throw new Error('isel: asmout does not follow its asm');
  moveOut(s, i.dst!, src);
}

function physical(name: string): number {
  const n = registerNumber(name);
  if (n === undefined) throw new Error(`isel: unknown asm register '${name}'`);
  return n >= 16 ? XMM0 + (n - 16) : n;
}

function moveIn(s: Selector, r: RegOp, v: Value, c: Cls): void {
  if (isFloatCls(c)) s.fcopyTo({ ...r, w: W(c) }, v, c);
  else if (r.r < 16) argMove(s, r.r, v, false);
  else s.copyTo(r, v, c);
}

function moveOut(s: Selector, dst: Temp, r: RegOp): void {
  if (isFloatCls(dst.cls)) s.emit('fmov', [s.tempReg(dst.id, dst.cls), { ...r, w: W(dst.cls) }]);
  else s.emit('mov', [s.tempReg(dst.id, 8), { ...r, w: 8 }]);
}

/** The template's lines with the allocated registers filled in (after register allocation). */
export function asmLines(mi: MInst): string[] {
  const { template, where } = mi.asm!;
  const text = fillTemplate(template, (n, m) => {
    const at = where[n];
    const r = 'a' in at ? (mi.a[at.a] as RegOp).r : at.r;
    const w: Width = m ? MODIFIER_WIDTH[m] : 8;
    return regName(r, w);
  });
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}
