// The IR's text form (`tskc build --emit ir`), close to QBE's:
//
//   export function w $add(w %a.0, w %b.1) {
//   @entry.0
//     %t.2 =w add %a.0, %b.1
//     %c.3 =w csltw %t.2, 10
//     jnz %c.3, @then.1, @else.2
//   ...
//   }
//   data $str.0 = rodata align 8 { l 2, b "hi" }
//
// Comparisons carry their operand class as a suffix (csltw, csltl, cltd);
// a switch prints its class, value, default and cases:
// `switch w %x.3, @default.4, [0 @a.1, -5 @b.2]` (`[]` when it has none);
// loads and stores marked volatile print as `volatile storeh ...`, loads
// of lengths as `invariant loadl ...`, alias classes (ir/alias.ts) as
// `alias:C.f loadw ...`.
//
// Float constants print as QBE's `d_1.5` / `s_0.25`: the class, `_`, then
// the shortest decimal that reads back to exactly the same value (for s,
// the shortest that rounds to the same f32), or `inf`, `-inf`, `-0`, `nan`
// (the default quiet NaN, bits 0x7ff8000000000000 / 0x7fc00000). Any other
// NaN prints as its bit pattern, `d_0x7ff0000000000001`. The parser reads
// all of these back to the same bits.
import { bitsFloat } from './ir.js';
import { printAsmSpec } from './asm.js';
import type { Block, Const, Data, DataItem, FloatCls, Func, Instr, Module, Phi, Terminator, Value } from './ir.js';

/** The canonical quiet NaN printed as `nan`. */
export const CANONICAL_NAN: Record<FloatCls, bigint> = { d: 0x7ff8000000000000n, s: 0x7fc00000n };

/** The text after `d_` / `s_` for a float bit pattern. */
export function formatFloat(bits: bigint, c: FloatCls): string {
  const x = bitsFloat(bits, c);
  if (Number.isNaN(x)) {
    return bits === CANONICAL_NAN[c] ? 'nan' : '0x' + bits.toString(16).padStart(c === 'd' ? 16 : 8, '0');
  }
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  if (c === 'd') return String(x);
  for (let p = 1; p < 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return String(y);
  }
  return String(x); // the f32's exact double value always reads back
}

function printConst(k: Const): string {
  return k.float ? `${k.float}_${formatFloat(k.value, k.float)}` : k.value.toString();
}

export function printValue(v: Value): string {
  if (v.kind === 'const') return printConst(v);
  if (v.kind === 'sym') return `$${v.name}`;
  return v.hint ? `%${v.hint}.${v.id}` : `%.${v.id}`;
}

const blockRef = (b: Block): string => `@${b.label}.${b.id}`;

export function printInstr(i: Instr): string {
  const lhs = i.dst ? `${printValue(i.dst)} =${i.cls} ` : '';
  const vol = (i.volatile ? 'volatile ' : '') + (i.invariant ? 'invariant ' : '') + (i.alias ? `alias:${i.alias} ` : '');
  const op = i.argCls ? `${i.op}${i.argCls}` : i.op;
  if (i.op === 'call') {
    const callee = i.callee ? printValue(i.callee) : '?';
    return `${lhs}call ${callee}(${i.args.map(printValue).join(', ')})`;
  }
  const args = i.args.map(printValue).join(', ');
  if (i.op === 'asm' && i.asm) return `${lhs}asm ${printAsmSpec(i.asm)}${args ? ' ' + args : ''}`;
  return `${lhs}${vol}${op}${args ? ' ' + args : ''}`;
}

function printPhi(p: Phi): string {
  const args = p.args.map((a) => `${blockRef(a.pred)} ${printValue(a.value)}`).join(', ');
  return `${printValue(p.dst)} =${p.dst.cls} phi ${args}`;
}

function printTerm(t: Terminator): string {
  switch (t.kind) {
    case 'jmp':
      return `jmp ${blockRef(t.target)}`;
    case 'jnz':
      return `jnz ${printValue(t.cond)}, ${blockRef(t.ifTrue)}, ${blockRef(t.ifFalse)}`;
    case 'switch': {
      const cases = t.cases.map((c) => `${c.value} ${blockRef(c.target)}`).join(', ');
      return `switch ${t.cls} ${printValue(t.value)}, ${blockRef(t.default)}, [${cases}]`;
    }
    case 'ret':
      return t.value ? `ret ${printValue(t.value)}` : 'ret';
    case 'unreachable':
      return 'unreachable';
  }
}

export function printFunc(f: Func): string {
  const params = f.params.map((p) => `${p.cls} ${printValue(p)}`).join(', ');
  const lines = [`${f.exported ? 'export ' : ''}${f.naked ? 'naked ' : ''}${f.noinline ? 'noinline ' : ''}function ${f.ret ?? ''}${f.ret ? ' ' : ''}$${f.name}(${params}) {`];
  for (const b of f.blocks) {
    lines.push(blockRef(b));
    for (const p of b.phis) lines.push('  ' + printPhi(p));
    for (const i of b.instrs) lines.push('  ' + printInstr(i));
    lines.push('  ' + printTerm(b.term));
  }
  lines.push('}');
  return lines.join('\n');
}

function printItem(it: DataItem): string {
  switch (it.kind) {
    case 'int':
      return `${{ 1: 'b', 2: 'h', 4: 'w', 8: 'l' }[it.size]} ${it.value}`;
    case 'bytes':
      return `b ${JSON.stringify(new TextDecoder().decode(it.bytes))}`;
    case 'addr':
      return `l $${it.sym}`;
    case 'zero':
      return `z ${it.size}`;
  }
}

export function printData(d: Data): string {
  const exp = d.exported ? 'export ' : '';
  return `${exp}data $${d.name} = ${d.section} align ${d.align} { ${d.items.map(printItem).join(', ')} }`;
}

export function printModule(m: Module): string {
  const parts = [`init $${m.init}`, ...m.data.map(printData), ...m.funcs.map(printFunc)];
  return parts.join('\n\n') + '\n';
}
