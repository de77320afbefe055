// Lowering of inline asm (docs/language.md §11): operands are evaluated
// left to right (an output's place before the template runs, so a field's
// object is evaluated once), then one `asm` instruction reads the inputs
// and defines output 0, `asmout`s give the other outputs, sub-word outputs
// are re-normalised, and each output with a place is written there. A
// `noreturn` asm ends the block.
import type ts from 'typescript';
import { constant } from '../ir/ir.js';
import type { Temp, Value } from '../ir/ir.js';
import type { AsmCall } from '../sema/asm.js';
import type { FnCtx } from './context.js';
import { cls, lowerExpr, normalize, place } from './expr.js';
import type { Place } from './expr.js';

export function lowerAsm(fx: FnCtx, e: ts.CallExpression, info: AsmCall): Value {
  const inputs: Value[] = [];
  const outputs: { place: Place | null; type: AsmCall['operands'][number]['type'] }[] = [];
  for (const o of info.operands) {
    if (o.dir === 'in') inputs.push(lowerExpr(fx, o.value!));
    else if (o.dir === 'inout' && o.value) {
      inputs.push(lowerExpr(fx, o.value));
      outputs.push({ place: place(fx, o.place!), type: o.type });
    } else if (o.dir === 'inout') {
      const p = place(fx, o.place!);
      inputs.push(p.read());
      outputs.push({ place: p, type: o.type });
    } else outputs.push({ place: o.place ? place(fx, o.place) : null, type: o.type });
  }
  const first = outputs[0] ? fx.temp(cls(outputs[0].type)) : null;
  fx.block.instrs.push({ op: 'asm', cls: first?.cls ?? 'l', dst: first, args: inputs, asm: info.spec, loc: fx.loc });
  const values: Temp[] = outputs.map((o, k) => (k === 0 ? first! : fx.emit('asmout', cls(o.type), [first!, constant(k)])));
  let result: Value = constant(0);
  outputs.forEach((o, k) => {
    // A bool output is a byte the template sets to 0 or 1 (setcc).
    const t = o.type.kind === 'bool' ? { kind: 'int' as const, name: 'u8' as const, bits: 8 as const, signed: false } : o.type;
    const v = normalize(fx, values[k], t);
    if (o.place) o.place.write(v);
    else result = v;
  });
  if (info.spec.options.includes('noreturn')) {
    fx.block.term = { kind: 'unreachable' };
    fx.deadEnd();
  }
  return result;
}
