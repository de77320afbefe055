// Typing of intrinsic calls: functions declared in runtime/lib with an
// `@intrinsic NAME` tag. Each entry says on which targets the intrinsic
// exists and how its arguments and result are typed; lower/call.ts has
// the matching code generation. docs/language.md §7 lists them.
import ts = require('typescript');
import type { TargetName } from '../target/target.js';
import type { ExprTyper } from './expr.js';
import { constValue } from './consteval.js';
import { calleeOf } from './calls.js';
import { MACHINE } from '../ir/machine.js';
import { typeAsm } from './asm.js';
import { POINTER_INTRINSICS } from './pointers.js';
import { TEMPLATE_INTRINSICS } from './templates.js';
import { MATH_INTRINSICS } from './math.js';
import { BOOL, F32, F64, I32, I64, INT_TYPES, NEVER, STRING, USIZE, VOID, isFloat, isInt, isIntName, isNumeric, storageOf, typeName } from './types.js';
import type { MType } from './types.js';

export type Typing = (ty: ExprTyper, e: ts.CallExpression, decl: ts.SignatureDeclaration, expected?: MType) => MType;

export interface IntrinsicDef {
  targets: TargetName[] | 'all';
  type: Typing;
  /** The result type without typing the arguments (for `natural`). */
  natural?: (ty: ExprTyper, e: ts.CallExpression, decl: ts.SignatureDeclaration) => MType | null;
}

const PROCESS: TargetName[] = ['user', 'linux'];
const KERNEL: TargetName[] = ['kernel'];

/** The T of `f<T>(…)`, which must be written. */
function typeArg(ty: ExprTyper, e: ts.CallExpression, what: string): MType {
  const node = e.typeArguments?.[0];
  if (!node) {
    ty.sema.diags.error('TSK1005', e, `${what} needs its type argument, e.g. ${what}<u8>(…)`);
    return I32;
  }
  return ty.sema.typeFromNode(node);
}

function silentTypeArg(ty: ExprTyper, e: ts.CallExpression): MType | null {
  const node = e.typeArguments?.[0];
  return node ? (ty.sema.mtypeOf(ty.sema.checker.getTypeFromTypeNode(node)) ?? null) : null;
}

/** Types each argument against the declared parameter types. */
const declared: Typing = (ty, e, decl) => {
  e.arguments.forEach((a, i) => {
    const p = decl.parameters[i];
    const want = p?.type ? ty.sema.typeFromNode(p.type) : I64;
    ty.expect(a, want, `argument ${i + 1} of ${decl.name?.getText()}`);
  });
  return declaredReturn(ty, decl);
};

function declaredReturn(ty: ExprTyper, decl: ts.SignatureDeclaration): MType {
  return decl.type ? ty.sema.typeFromNode(decl.type) : VOID;
}

const memoryAccess = (isStore: boolean): Typing => (ty, e) => {
  const what = isStore ? 'store' : 'load';
  const t = isStore
    ? (e.typeArguments?.[0] ? typeArg(ty, e, what) : (ty.natural(e.arguments[1]) ?? I32))
    : typeArg(ty, e, what);
  if (!isInt(t)) ty.sema.diags.error('TSK1008', e, `${what}<T> needs an integer type, not ${typeName(t)}`);
  ty.expect(e.arguments[0], USIZE, `the address of ${what}`);
  if (isStore) ty.expect(e.arguments[1], t, `the value of store<${typeName(t)}>`);
  ty.sema.intrinsics.set(e, { name: '', typeArg: t });
  return isStore ? VOID : t;
};

/** sizeof<T>() and alignof<T>(): compile-time constants. */
function layoutQuery(ty: ExprTyper, e: ts.CallExpression, what: 'sizeof' | 'alignof'): MType {
  const t = typeArg(ty, e, what);
  let v = storageOf(t);
  if (t.kind === 'class') v = { size: t.info.size, align: t.info.align };
  ty.sema.intrinsics.set(e, { name: what, typeArg: t, value: BigInt(what === 'sizeof' ? v.size : v.align) });
  return USIZE;
}

/** The type queries: compile-time bools about T (AssemblyScript's names), for static ifs (sema/staticif.ts). */
export const TYPE_QUERIES: Record<string, (t: MType) => boolean> = {
  isInteger: (t) => isInt(t),
  isSigned: (t) => isInt(t) && t.signed,
  isFloat: (t) => isFloat(t),
  isBoolean: (t) => t.kind === 'bool',
  isString: (t) => t.kind === 'string',
  isReference: (t) => ['string', 'class', 'array', 'iface', 'func'].includes(t.kind),
};

function typeQuery(name: string): IntrinsicDef {
  return {
    targets: 'all',
    type: (ty, e) => {
      const t = typeArg(ty, e, name);
      ty.sema.intrinsics.set(e, { name, typeArg: t, value: TYPE_QUERIES[name]!(t) ? 1n : 0n });
      return BOOL;
    },
    natural: () => BOOL,
  };
}

const DEFS: Record<string, IntrinsicDef> = {
  ...Object.fromEntries(Object.keys(TYPE_QUERIES).map((n) => [n, typeQuery(n)])),
  reinterpret: {
    targets: 'all',
    type: (ty, e) => {
      const to = typeArg(ty, e, 'reinterpret');
      const from = ty.type(e.arguments[0], ty.natural(e.arguments[0]) ?? (isInt(to) ? F64 : I64));
      const ok = isNumeric(from) && isNumeric(to) && from.bits === to.bits && isFloat(from) !== isFloat(to);
      if (!ok) ty.sema.diags.error('TSK1008', e, `reinterpret turns a float into an integer of the same width or back (f64 <-> i64/u64, f32 <-> i32/u32), not ${typeName(from)} into ${typeName(to)}`);
      ty.sema.intrinsics.set(e, { name: 'reinterpret', typeArg: to });
      return to;
    },
    natural: silentTypeArg,
  },
  convert: {
    targets: 'all',
    type: (ty, e, decl) => {
      const name = decl.name?.getText() ?? '';
      const to: MType = name === 'f64' ? F64 : name === 'f32' ? F32 : isIntName(name) ? INT_TYPES[name] : I32;
      ty.sema.checkFloatAllowed(e, to);
      ty.sema.intrinsics.set(e, { name: 'convert', typeArg: to });
      return ty.conversion(e, e.arguments[0], to);
    },
    natural: (_ty, _e, decl) => {
      const name = decl.name?.getText() ?? '';
      return name === 'f64' ? F64 : name === 'f32' ? F32 : isIntName(name) ? INT_TYPES[name] : null;
    },
  },
  load: { targets: 'all', type: memoryAccess(false), natural: silentTypeArg },
  volatileLoad: { targets: 'all', type: memoryAccess(false), natural: silentTypeArg },
  store: { targets: 'all', type: memoryAccess(true), natural: () => VOID },
  volatileStore: { targets: 'all', type: memoryAccess(true), natural: () => VOID },
  changetype: {
    targets: 'all',
    type: (ty, e) => {
      const to = typeArg(ty, e, 'changetype');
      const from = ty.type(e.arguments[0]);
      const refs = ['string', 'class', 'array', 'iface', 'func', 'ptr'];
      const bits = (t: MType): number => (isInt(t) ? t.bits : refs.includes(t.kind) ? 64 : 0);
      // 64-bit values (references, 64-bit integers), or an integer of up to 32 bits as a 32-bit one (its register).
      const narrow = isInt(from) && from.bits <= 32 && isInt(to) && to.bits === 32;
      if (!narrow && (bits(from) !== bits(to) || bits(from) !== 64)) {
        ty.sema.diags.error('TSK1008', e, `changetype reinterprets 64-bit values (strings, objects, usize, i64…) and 32-bit integers; it cannot turn ${typeName(from)} into ${typeName(to)}`);
      }
      ty.sema.intrinsics.set(e, { name: 'changetype', typeArg: to });
      return to;
    },
    natural: silentTypeArg,
  },
  unreachable: { targets: 'all', type: () => NEVER, natural: () => NEVER },
  assert: {
    targets: 'all',
    type: (ty, e) => {
      ty.condition(e.arguments[0]);
      if (e.arguments[1]) ty.expect(e.arguments[1], STRING, 'the assert message');
      return VOID;
    },
    natural: () => VOID,
  },
  sizeof: { targets: 'all', type: (ty, e) => layoutQuery(ty, e, 'sizeof'), natural: () => USIZE },
  alignof: { targets: 'all', type: (ty, e) => layoutQuery(ty, e, 'alignof'), natural: () => USIZE },
  offsetof: {
    targets: 'all',
    type: (ty, e) => {
      const t = typeArg(ty, e, 'offsetof');
      const arg = e.arguments[0];
      const field = t.kind === 'class' && ts.isStringLiteral(arg) ? t.info.fields.find((f) => f.name === arg.text) : undefined;
      if (!field) ty.sema.diags.error('TSK1010', arg, `offsetof<T>(name) needs a class type and one of its fields' names as a string literal`);
      ty.sema.intrinsics.set(e, { name: 'offsetof', typeArg: t, value: BigInt(field?.offset ?? 0) });
      return USIZE;
    },
    natural: () => USIZE,
  },
  charCodeAt: {
    targets: 'all',
    type: (ty, e) => {
      ty.type((calleeOf(e) as ts.PropertyAccessExpression).expression);
      ty.expect(e.arguments[0], I32, 'charCodeAt');
      return I32;
    },
    natural: () => I32,
  },
  unchecked: {
    targets: 'all',
    type: (ty, e, _d, expected?: MType) => {
      let inner = e.arguments[0];
      while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
      if (!ts.isElementAccessExpression(inner)) {
        ty.sema.diags.error('TSK1010', e.arguments[0], `unchecked() takes an indexing expression, e.g. unchecked(a[i])`);
        return ty.type(e.arguments[0]);
      }
      ty.sema.unchecked.add(inner);
      return ty.type(e.arguments[0], expected);
    },
    natural: (ty, e) => ty.natural(e.arguments[0]),
  },
  free: {
    targets: 'all',
    type: (ty, e) => {
      const t = ty.type(e.arguments[0]);
      if (t.kind !== 'class' && t.kind !== 'array') ty.sema.diags.error('TSK1008', e.arguments[0], `free takes an object or array made with new, not ${typeName(t)}`);
      return VOID;
    },
    natural: () => VOID,
  },
  'memory.data': {
    targets: 'all',
    type: (ty, e) => {
      const arg = e.arguments[0];
      ty.expect(arg, I32, 'memory.data');
      const n = constValue(ty.sema, arg, I32);
      if (n === undefined || n <= 0n) ty.sema.diags.error('TSK1010', arg, `memory.data needs a positive constant size`);
      return USIZE;
    },
    natural: () => USIZE,
  },
  'console.log': {
    targets: PROCESS,
    type: (ty, e) => {
      for (const a of e.arguments) {
        if (ts.isTemplateExpression(a)) {
          // Printed piece by piece: nothing is allocated.
          for (const span of a.templateSpans) {
            const t = ty.type(span.expression);
            if (!isNumeric(t) && t.kind !== 'bool' && t.kind !== 'string') {
              ty.sema.diags.error('TSK1008', span.expression, `a template substitution printed by console.log must be a number, bool or string, not ${typeName(t)}`);
            }
          }
          ty.sema.exprTypes.set(a, STRING);
          continue;
        }
        const t = ty.type(a);
        if (!isNumeric(t) && t.kind !== 'bool' && t.kind !== 'string' && t.kind !== 'template') {
          ty.sema.diags.error('TSK1008', a, `console.log prints numbers, bools, strings and Templates, not ${typeName(t)}`);
        }
      }
      return VOID;
    },
    natural: () => VOID,
  },
  'process.exit': {
    targets: PROCESS,
    type: (ty, e) => {
      if (e.arguments[0]) ty.expect(e.arguments[0], I32, 'process.exit');
      return NEVER;
    },
    natural: () => NEVER,
  },
  syscall: {
    targets: PROCESS,
    type: (ty, e) => {
      for (const a of e.arguments) {
        const t = ty.type(a, ty.natural(a) ?? I64);
        if (!isInt(t) && t.kind !== 'bool' && t.kind !== 'ptr') ty.sema.diags.error('TSK1008', a, `syscall arguments are integers or pointers, not ${typeName(t)}`);
      }
      return I64;
    },
    natural: () => I64,
  },
};

// Machine intrinsics (ir/machine.ts): typed by their declarations; the
// privileged ones exist on the kernel target only.
for (const [name, def] of Object.entries(MACHINE)) {
  DEFS[name] = { targets: def.privileged ? KERNEL : 'all', type: declared, natural: (ty, _e, d) => declaredReturn(ty, d) };
}

Object.assign(DEFS, POINTER_INTRINSICS, TEMPLATE_INTRINSICS, MATH_INTRINSICS);

// The debug table's address and the frame pointer: for in-kernel symbolization and backtraces (docs/debugging.md).
for (const name of ['debugTable', 'frameAddress']) DEFS[name] = { targets: KERNEL, type: () => USIZE, natural: () => USIZE };

DEFS.asm = { targets: 'all', type: (ty, e, _d, expected) => typeAsm(ty, e, expected), natural: silentTypeArg };
// The operand makers mean something only written inside asm(…), which reads them itself.
for (const name of ['in', 'out', 'lateout', 'inout', 'clobber', 'clobberAbi', 'options']) {
  DEFS[`asm.${name}`] = {
    targets: 'all',
    type: (ty, e) => {
      ty.sema.diags.error('TSK1020', e, `asm.${name}(…) makes an operand of asm(…); write it directly as an argument of asm(…)`);
      return VOID;
    },
  };
}
// memcpy, memset and memcmp are calls of runtime/common/memory.ts.
for (const name of ['memcpy', 'memset', 'memcmp']) {
  DEFS[name] = { targets: 'all', type: declared, natural: (ty, _e, d) => declaredReturn(ty, d) };
}

/**
 * cpuid(leaf, subleaf, out): `out` is an object whose class starts with four
 * u32 fields (eax, ebx, ecx, edx at offsets 0, 4, 8, 12), filled in place.
 */
DEFS.cpuid = {
  targets: 'all',
  type: (ty, e) => {
    const [leaf, sub, out] = e.arguments;
    ty.expect(leaf, INT_TYPES.u32, 'the cpuid leaf');
    ty.expect(sub, INT_TYPES.u32, 'the cpuid subleaf');
    const t = ty.type(out);
    const f = t.kind === 'class' ? t.info.fields : [];
    const ok = t.kind === 'class' && !t.info.hasVtable && f.length >= 4 &&
      f.slice(0, 4).every((x, n) => x.offset === 4 * n && x.type.kind === 'int' && x.type.bits === 32);
    if (!ok) ty.sema.diags.error('TSK1008', out, `cpuid fills an object whose class starts with four u32 fields (eax, ebx, ecx, edx), such as 'class Cpuid { eax: u32 = 0; ebx: u32 = 0; ecx: u32 = 0; edx: u32 = 0 }', not ${typeName(t)}`);
    return VOID;
  },
  natural: () => VOID,
};

export function isKnownIntrinsic(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(DEFS, name);
}

export function typeIntrinsic(ty: ExprTyper, e: ts.CallExpression, decl: ts.SignatureDeclaration, name: string, expected?: MType): MType {
  const def = DEFS[name];
  if (!def) throw new Error(`internal: intrinsic '${name}' has no typing rule`);
  const target = ty.sema.target.name;
  if (def.targets !== 'all' && !def.targets.includes(target)) {
    const where = def.targets.join(' and ');
    ty.sema.diags.error('TSK1006', e.expression, `${name} is available on the ${where} target${def.targets.length > 1 ? 's' : ''}, not on '${target}'`);
  }
  const t = def.type(ty, e, decl, expected);
  const rec = ty.sema.intrinsics.get(e);
  ty.sema.intrinsics.set(e, { ...rec, name });
  return t;
}

export function naturalOfIntrinsic(ty: ExprTyper, e: ts.CallExpression, decl: ts.SignatureDeclaration, name: string): MType | null {
  return DEFS[name]?.natural?.(ty, e, decl) ?? null;
}

