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
// Comparisons carry their operand class as a suffix (csltw, csltl); loads
// and stores marked volatile print as `volatile storeh ...`.
import type { Block, Data, DataItem, Func, Instr, Module, Phi, Terminator, Value } from './ir.js';

export function printValue(v: Value): string {
  if (v.kind === 'const') return v.value.toString();
  if (v.kind === 'sym') return `$${v.name}`;
  return v.hint ? `%${v.hint}.${v.id}` : `%.${v.id}`;
}

const blockRef = (b: Block): string => `@${b.label}.${b.id}`;

export function printInstr(i: Instr): string {
  const lhs = i.dst ? `${printValue(i.dst)} =${i.cls} ` : '';
  const vol = i.volatile ? 'volatile ' : '';
  const op = i.argCls ? `${i.op}${i.argCls}` : i.op;
  if (i.op === 'call') {
    const callee = i.callee ? printValue(i.callee) : '?';
    return `${lhs}call ${callee}(${i.args.map(printValue).join(', ')})`;
  }
  const args = i.args.map(printValue).join(', ');
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
    case 'ret':
      return t.value ? `ret ${printValue(t.value)}` : 'ret';
    case 'unreachable':
      return 'unreachable';
  }
}

export function printFunc(f: Func): string {
  const params = f.params.map((p) => `${p.cls} ${printValue(p)}`).join(', ');
  const lines = [`${f.exported ? 'export ' : ''}function ${f.ret ?? ''}${f.ret ? ' ' : ''}$${f.name}(${params}) {`];
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
