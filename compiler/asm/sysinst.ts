// Instruction forms only the kernel's inline `asm` uses (kernel/interrupts,
// kernel/smp, kernel/syscall, ...): segment register loads, `xchg` with
// memory, the bit tests, `fxsave64`/`fxrstor64` and `o64 sysret`, in the
// encodings nasm picks. inst.ts asks here for what it does not know itself.
import { encode } from './modrm.js';
import type { Enc } from './modrm.js';
import type { Op, RegOp } from './operand.js';

const isGp = (o: Op | undefined): o is RegOp => o?.k === 'reg' && o.cls === 'gp';
/** Bit tests: [opcode of the register form, ModRM extension of the imm8 form]. */
const BIT: Record<string, [number, number]> = { bt: [0xa3, 4], bts: [0xab, 5], btr: [0xb3, 6], btc: [0xbb, 7] };
/** String instructions with a repeat prefix only (the plain ones are in inst.ts). */
export const STRING_OPS: Record<string, number[]> = {
  scasb: [0xae], scasq: [0x48, 0xaf], cmpsb: [0xa6], cmpsq: [0x48, 0xa7], lodsb: [0xac], lodsq: [0x48, 0xad],
};
/** `o64 sysret` (return to 64-bit user mode) and the forms nasm writes for it. */
export const O64: Record<string, number[]> = { sysret: [0x48, 0x0f, 0x07] };

/** The encoding of a kernel-only form, or null when `mn ops` is not one. */
export function encodeSystem(mn: string, ops: Op[]): Enc | null {
  const [a, b] = ops;
  const sizePfx = (w: number): number[] => (w === 2 ? [0x66] : []);
  if (ops.length === 0 && STRING_OPS[mn]) return { bytes: [...STRING_OPS[mn]], fixes: [] };
  switch (mn) {
    case 'mov':
      // mov sreg, r16/r32/r64: 8E /r, no operand-size prefix (nasm drops it).
      if (a?.k === 'reg' && a.cls === 'seg' && isGp(b) && b.w > 1) return encode({ op: [0x8e], reg: a.r, rm: b });
      break;
    case 'xchg':
      if (ops.length !== 2) break;
      if (isGp(a) && b.k === 'mem' && a.w > 1) return encode({ pfx: sizePfx(a.w), w: a.w === 8, op: [0x87], reg: a.r, rm: b });
      if (isGp(b) && a.k === 'mem' && b.w > 1) return encode({ pfx: sizePfx(b.w), w: b.w === 8, op: [0x87], reg: b.r, rm: a });
      break;
    case 'fxsave64': case 'fxrstor64': case 'fxsave': case 'fxrstor':
      if (ops.length === 1 && a.k === 'mem') return encode({ w: mn.endsWith('64'), op: [0x0f, 0xae], reg: mn.startsWith('fxsave') ? 0 : 1, rm: a });
      break;
    case 'bt': case 'bts': case 'btr': case 'btc': {
      if (ops.length !== 2 || !(isGp(a) || a.k === 'mem')) break;
      const w = isGp(a) ? a.w : isGp(b) ? b.w : a.w;
      if (w < 2) break;
      const [op, ext] = BIT[mn];
      if (isGp(b) && b.w === w) return encode({ pfx: sizePfx(w), w: w === 8, op: [0x0f, op], reg: b.r, rm: a });
      if (b.k === 'imm') return encode({ pfx: sizePfx(w), w: w === 8, op: [0x0f, 0xba], reg: ext, rm: a, imm: { size: 1, e: b.e } });
      break;
    }
  }
  return null;
}
