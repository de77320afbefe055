// Instruction selection at ABI boundaries: calls, syscalls, the function's
// parameters and its return value. Calls follow SysV AMD64: the first six
// integer arguments in rdi, rsi, rdx, rcx, r8, r9, the first eight float
// arguments in xmm0–xmm7 (counted separately), the rest pushed on the stack
// in argument order with rsp kept 16-byte aligned; results in rax or xmm0.
// Syscalls take the number in rax and arguments in rdi, rsi, rdx, r10, r8, r9.
// Fixed registers appear as physical operands, so the allocator sees them
// as constraints.
import type { FloatCls, Instr, Value } from '../ir/ir.js';
import { isFloatCls } from '../ir/ops.js';
import { ARG_REGS, FLOAT_ARG_REGS, RAX, RBP, RSP, SYSCALL_REGS, XMM0, reg } from './minst.js';
import type { MBlock, MemOp, Operand } from './minst.js';
import { W } from './isel-core.js';
import type { Selector } from './isel-core.js';
import { floatClsOf } from './isel-float.js';

/**
 * SysV argument classification: the first six integer arguments go in
 * registers, the first eight float ones in xmm0–xmm7; the rest go on the
 * stack in argument order (8 bytes each).
 */
export function classifyArgs<T extends Value>(args: T[], floatCls: (v: T) => FloatCls | null): { ints: T[]; floats: T[]; stack: T[] } {
  const ints: T[] = [];
  const floats: T[] = [];
  const stack: T[] = [];
  for (const v of args) {
    if (floatCls(v)) (floats.length < FLOAT_ARG_REGS.length ? floats : stack).push(v);
    else (ints.length < ARG_REGS.length ? ints : stack).push(v);
  }
  return { ints, floats, stack };
}

/** Moves an integer value into a fixed register (w temps are zero-extended for syscalls). */
export function argMove(s: Selector, r: number, v: Value, zeroExtend: boolean): void {
  if (v.kind === 'temp' && v.cls === 'w' && zeroExtend) s.emit('mov32z', [reg(r, 4), s.tempReg(v.id, 4)]);
  else if (v.kind === 'temp') s.emit('mov', [reg(r, 8), s.tempReg(v.id, 8)]);
  else if (v.kind === 'sym') s.emit('lea', [reg(r, 8), { k: 'mem', w: 8, sym: v.name, disp: 0 }]);
  else s.emit('mov', [reg(r, 8), { k: 'imm', v: v.value }]);
}

export function selectCall(s: Selector, i: Instr): void {
  const { ints, floats, stack } = classifyArgs(i.args, floatClsOf);
  const pad = stack.length % 2 === 1 ? 8 : 0;
  if (pad) s.emit('subrsp', [], { n: pad });
  for (const v of [...stack].reverse()) {
    const fc = floatClsOf(v);
    if (fc && v.kind === 'temp') {
      s.emit('subrsp', [], { n: 8 });
      s.emit('fmov', [{ k: 'mem', w: W(fc), base: RSP, disp: 0 }, s.tempReg(v.id, fc)]);
    } else if (fc) {
      // A float constant goes on the stack as its bit pattern.
      s.emit('push', [s.src({ kind: 'const', value: BigInt.asIntN(64, v.kind === 'const' ? v.value : 0n) }, 8)]);
    } else {
      s.emit('push', [s.src(v, 8)]);
    }
  }
  ints.forEach((v, k) => argMove(s, ARG_REGS[k], v, false));
  floats.forEach((v, k) => {
    const fc = floatClsOf(v)!;
    s.fcopyTo(reg(FLOAT_ARG_REGS[k], W(fc)), v, fc);
  });
  const callee = i.callee!;
  const target: Operand = callee.kind === 'sym' ? { k: 'sym', name: callee.name } : s.inReg(callee, 8);
  s.emit('call', [target], { uses: [...ARG_REGS.slice(0, ints.length), ...FLOAT_ARG_REGS.slice(0, floats.length)] });
  if (stack.length) s.emit('addrsp', [], { n: stack.length * 8 + pad });
  if (i.dst && isFloatCls(i.cls)) s.emit('fmov', [s.tempReg(i.dst.id, i.cls), reg(XMM0, W(i.cls))]);
  else if (i.dst) s.emit('mov', [s.tempReg(i.dst.id, 8), reg(RAX, 8)]);
}

export function selectSyscall(s: Selector, i: Instr): void {
  const regs = [RAX, ...SYSCALL_REGS];
  i.args.forEach((v, k) => argMove(s, regs[k], v, true));
  s.emit('syscall', [], { uses: regs.slice(0, i.args.length) });
  if (i.dst) s.emit('mov', [{ ...s.tempReg(i.dst.id, i.cls), w: 8 }, reg(RAX, 8)]);
}

/** `ret`, with the value (if any) in rax or xmm0. */
export function selectReturn(s: Selector, value: Value | null): void {
  const fc = s.f.ret && isFloatCls(s.f.ret) ? s.f.ret : null;
  if (value && fc) s.fcopyTo(reg(XMM0, W(fc)), value, fc);
  else if (value) argMove(s, RAX, value, false);
  s.emit('ret', [], { uses: value ? [fc ? XMM0 : RAX] : [] });
}

/** The entry block: parameters from registers and the caller's stack, then a jump to the body. */
export function selectParams(s: Selector, entryId: number, entryTarget: number): MBlock {
  s.out = [];
  s.loc = s.f.loc;
  const cls = (v: Value): FloatCls | null => (v.kind === 'temp' && isFloatCls(v.cls) ? v.cls : null);
  const { ints, floats, stack } = classifyArgs(s.f.params, cls);
  ints.forEach((p, k) => s.emit('mov', [s.tempReg(p.id, 8), reg(ARG_REGS[k], 8)]));
  floats.forEach((p, k) => s.emit('fmov', [s.tempReg(p.id, p.cls), reg(FLOAT_ARG_REGS[k], W(p.cls))]));
  stack.forEach((p, k) => {
    const w = W(p.cls);
    const m: MemOp = { k: 'mem', w: cls(p) ? w : 8, base: RBP, disp: 16 + 8 * k };
    s.emit(cls(p) ? 'fmov' : 'mov', [s.tempReg(p.id, cls(p) ? w : 8), m]);
  });
  s.emit('jmp', [], { target: entryTarget });
  return { id: entryId, label: 'params', insts: s.out, depth: 0 };
}
