// Calls: direct calls of tskc functions, and intrinsics lowered inline (the
// code-generation half of sema/intrinsics.ts). A call of a function that
// returns `never` ends the block.
import ts = require('typescript');
import { constant, sym } from '../ir/ir.js';
import type { Value } from '../ir/ir.js';
import { MACHINE, isMachineOp } from '../ir/machine.js';
import { F64, I32, I64, U64, VOID, isInt } from '../sema/types.js';
import { constValue } from '../sema/consteval.js';
import { calleeOf } from '../sema/calls.js';
import type { MType } from '../sema/types.js';
import type { Accessor, FuncInfo } from '../sema/context.js';
import type { Place } from './expr.js';
import type { FnCtx } from './context.js';
import { THIS } from './context.js';
import { dispatcherSymbol, initFields } from './lower.js';
import { DEBUG_TABLE_SYMBOL, displayPath } from '../ir/debugnames.js';
import { boundsCheck, cls, convert, elementAddress, loadOp, lowerCond, lowerExpr, storeOp } from './expr.js';
import { relative } from 'node:path';
import { lowerAsm } from './asm.js';
import { lowerPointerIntrinsic } from './pointers.js';
import { lowerTemplateIntrinsic } from './templates.js';
import { lowerMathIntrinsic } from './math.js';

/**
 * Lowers a call. `pre` is the receiver (method calls) or the callee
 * (indirect calls) when an optional chain has already evaluated it.
 */
export function lowerCall(fx: FnCtx, e: ts.CallExpression, t: MType, pre?: Value): Value {
  const sema = fx.sema;
  const intr = sema.intrinsics.get(e);
  if (intr) return lowerIntrinsic(fx, e, intr.name, intr.typeArg, t);
  const base = sema.superCalls.get(e);
  if (base) {
    const args = [fx.readVar(THIS, 'l', 'this'), ...e.arguments.map((a) => lowerExpr(fx, a))];
    for (const p of base.params.slice(args.length - 1)) args.push(lowerDefault(fx, base, p.init!));
    fx.effect('call', 'l', args, { callee: sym(base.symbol) });
    if (fx.ctorOf) initFields(fx, fx.ctorOf); // a derived class's fields start after super()
    return constant(0);
  }
  const ic = sema.ifaceCalls.get(e);
  if (ic) {
    const key = dispatcherSymbol(ic.iface, ic.method);
    fx.mod.dispatchers.set(key, ic);
    const recv = pre ?? lowerExpr(fx, (calleeOf(e) as ts.PropertyAccessExpression).expression);
    return call(fx, sym(key), [recv, ...e.arguments.map((a) => lowerExpr(fx, a))], t);
  }
  if (sema.indirectCalls.has(e)) {
    const callee = pre ?? lowerExpr(fx, e.expression);
    return call(fx, callee, e.arguments.map((a) => lowerExpr(fx, a)), t);
  }
  const info = sema.calls.get(e)!;
  // A method's receiver is its first argument, evaluated before the others.
  const receiver = info.thisClass ? [pre ?? lowerExpr(fx, (calleeOf(e) as ts.PropertyAccessExpression).expression)] : [];
  const args = [...receiver, ...e.arguments.map((a) => lowerExpr(fx, a))];
  // Omitted arguments: the parameters' default values, evaluated here.
  for (const p of info.params.slice(args.length - receiver.length)) args.push(lowerDefault(fx, info, p.init!));
  return callFunc(fx, info, sema.virtualCalls.get(e), args, t);
}

/**
 * The default value of one of f's parameters, evaluated at the call: typed
 * with f's facts (a generic instance's own, which the caller's are not).
 */
export function lowerDefault(fx: FnCtx, f: FuncInfo, init: ts.Expression): Value {
  const sema = fx.sema;
  return f.instance ? sema.withFacts(f.instance.facts, f.instance.bindings, () => lowerExpr(fx, init))
    : sema.withFacts(sema.programFacts, new Map(), () => lowerExpr(fx, init));
}

/** Calls f directly, or (with a slot) the method in the receiver's vtable at that slot. */
function callFunc(fx: FnCtx, f: FuncInfo, slot: number | undefined, args: Value[], t: MType): Value {
  if (slot === undefined) return call(fx, sym(f.symbol), args, t);
  const vptr = fx.emit('loadl', 'l', [args[0]]);
  const fn = fx.emit('loadl', 'l', [slot === 0 ? vptr : fx.emit('add', 'l', [vptr, constant(slot * 8)])]);
  return call(fx, fn, args, t);
}

/** A getter/setter property as a place: reading calls the getter, writing the setter. */
export function accessorPlace(fx: FnCtx, acc: Accessor, obj: Value | undefined): Place {
  const self = obj === undefined ? [] : [obj];
  return {
    type: acc.type,
    read: () => callFunc(fx, acc.get!, acc.getSlot, self, acc.type),
    write: (v) => void callFunc(fx, acc.set!, acc.setSlot, [...self, v], VOID),
  };
}

/** Emits a call; `never` results end the block. Returns the result or 0. */
function call(fx: FnCtx, callee: Value, args: Value[], ret: MType): Value {
  const c = cls(ret);
  let result: Value = constant(0);
  if (ret.kind === 'void' || ret.kind === 'never') fx.effect('call', 'l', args, { callee });
  else result = fx.emit('call', c, args, { callee });
  if (ret.kind === 'never') {
    fx.block.term = { kind: 'unreachable' };
    fx.deadEnd();
  }
  return result;
}

function lowerIntrinsic(fx: FnCtx, e: ts.CallExpression, name: string, typeArg: MType | undefined, t: MType): Value {
  const args = e.arguments;
  const value = (i: number): Value => lowerExpr(fx, args[i]);
  const typeOf = (i: number): MType => fx.sema.typeOfExpr(args[i]);
  switch (name) {
    case 'convert':
      return convert(fx, value(0), typeOf(0), t);
    case 'changetype':
      return value(0);
    case 'reinterpret':
      return fx.emit('cast', cls(t), [value(0)]);
    case 'unchecked':
      return value(0);
    case 'charCodeAt': {
      const str = lowerExpr(fx, (calleeOf(e) as ts.PropertyAccessExpression).expression);
      const idx = convert(fx, value(0), I32, I64);
      boundsCheck(fx, str, idx, e);
      const b = fx.emit('loadub', 'w', [elementAddress(fx, str, idx, 1)]);
      return b;
    }
    case 'sizeof':
    case 'alignof':
    case 'offsetof':
    case 'isInteger':
    case 'isSigned':
    case 'isFloat':
    case 'isBoolean':
    case 'isString':
    case 'isReference':
      return constant(fx.sema.intrinsics.get(e)!.value!);
    case 'free':
      fx.effect('call', 'l', [value(0)], { callee: fx.mod.runtimeFunc('heapFree') });
      return constant(0);
    case 'load':
    case 'volatileLoad':
      return fx.emit(loadOp(t), cls(t), [value(0)], { volatile: name === 'volatileLoad' });
    case 'store':
    case 'volatileStore': {
      const vt = typeArg!;
      const addr = value(0);
      fx.effect(storeOp(vt), cls(vt), [value(1), addr], { volatile: name === 'volatileStore' });
      return constant(0);
    }
    case 'assert': {
      const ok = fx.newBlock('assert.ok');
      const fail = fx.newBlock('assert.fail');
      lowerCond(fx, args[0], ok, fail);
      fx.enter(fail);
      panic(fx, args[1] ? value(1) : fx.mod.string('assertion failed'), e);
      fx.enter(ok);
      return constant(0);
    }
    case 'unreachable':
      fx.block.term = { kind: 'unreachable' };
      fx.deadEnd();
      return constant(0);
    case 'memory.data': {
      const size = constValue(fx.sema, args[0], I32) ?? 1n; // sema checked it is constant
      return fx.mod.staticBlock(Number(size));
    }
    case 'console.log':
      return consoleLog(fx, e);
    case 'process.exit':
      return call(fx, fx.mod.runtimeFunc('exit'), [args[0] ? value(0) : constant(0)], { kind: 'never' });
    case 'syscall': {
      const vals = args.map((_, i) => convert(fx, value(i), typeOf(i), I64));
      return fx.emit('syscall', 'l', vals);
    }
    case 'asm':
      return lowerAsm(fx, e, fx.sema.asmCalls.get(e)!);
    case 'memcpy':
    case 'memset':
    case 'memcmp':
      return call(fx, fx.mod.runtimeFunc(name), args.map((_, i) => value(i)), t);
    case 'debugTable':
      return sym(DEBUG_TABLE_SYMBOL);
    case 'frameAddress':
      return fx.emit('frameaddr', 'l', []);
    default: {
      if (!isMachineOp(name)) {
        const v = lowerPointerIntrinsic(fx, e, name) ?? lowerTemplateIntrinsic(fx, e, name) ?? lowerMathIntrinsic(fx, e, name, t);
        if (!v) throw new Error(`internal: intrinsic '${name}' has no lowering`);
        return v;
      }
      // A machine intrinsic: one IR op of the same name (ir/machine.ts).
      const def = MACHINE[name];
      const vals = args.map((_, i) => value(i));
      if (def.result) return fx.emit(name, def.result, vals);
      fx.effect(name, def.args[0] ?? 'w', vals); // as the IR parser reads an effect's class

      return constant(0);
    }
  }
}

/** Calls the runtime's panic with a message and the TS location of `at`. */
export function panic(fx: FnCtx, message: Value, at: ts.Node): void {
  const sf = at.getSourceFile();
  const line = sf.getLineAndCharacterOfPosition(at.getStart(sf)).line + 1;
  const file = fx.mod.string(displayPath(sf.fileName));
  call(fx, fx.mod.runtimeFunc('panic'), [message, file, constant(line)], { kind: 'never' });
}

/**
 * console.log(a, b, …): each value printed by the runtime's printer for its
 * type (runtime/process/console.ts), separated by spaces, then a newline.
 */
function consoleLog(fx: FnCtx, e: ts.CallExpression): Value {
  const rt = (name: string): Value => fx.mod.runtimeFunc(name);
  // Every argument is evaluated before anything is printed, as in Node, so
  // an argument that prints comes out before this line.
  type Piece = { text: string } | { value: Value; type: MType; template: boolean };
  const args: Piece[][] = e.arguments.map((a) => {
    if (!ts.isTemplateExpression(a)) return [{ value: lowerExpr(fx, a), type: fx.sema.typeOfExpr(a), template: false }];
    const pieces: Piece[] = [{ text: a.head.text }];
    for (const span of a.templateSpans) {
      pieces.push({ value: lowerExpr(fx, span.expression), type: fx.sema.typeOfExpr(span.expression), template: true });
      pieces.push({ text: span.literal.text });
    }
    return pieces;
  });
  args.forEach((pieces, i) => {
    if (i > 0) fx.effect('call', 'l', [], { callee: rt('printSpace') });
    for (const p of pieces) {
      if ('text' in p) {
        if (p.text) fx.effect('call', 'l', [fx.mod.string(p.text)], { callee: rt('printStr') });
      } else {
        // console.log arguments print -0 as `-0` (printNumber), template substitutions as `0`.
        printValue(fx, p.value, p.type, p.template ? 'printF64' : 'printNumber');
      }
    }
  });
  fx.effect('call', 'l', [], { callee: rt('printNewline') });
  return constant(0);
}

/** Prints one value with the runtime printer for its type (floats with floatPrinter). */
function printValue(fx: FnCtx, v: Value, t: MType, floatPrinter: string): void {
  const rt = (name: string): Value => fx.mod.runtimeFunc(name);
  if (t.kind === 'string') fx.effect('call', 'l', [v], { callee: rt('printStr') });
  else if (t.kind === 'template') fx.effect('call', 'l', [v], { callee: rt('printTemplate') });
  else if (t.kind === 'bool') fx.effect('call', 'l', [v], { callee: rt('printBool') });
  else if (t.kind === 'float') fx.effect('call', 'l', [convert(fx, v, t, F64)], { callee: rt(floatPrinter) });
  else if (isInt(t)) {
    const wide = convert(fx, v, t, t.signed ? I64 : U64);
    fx.effect('call', 'l', [wide], { callee: rt(t.signed ? 'printI64' : 'printU64') });
  }
}
