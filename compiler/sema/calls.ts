// Typing of calls: direct calls of functions and methods (virtual when a
// subclass overrides the method), generic instances, `super(…)`, calls
// through interfaces and through function values, and intrinsics.
import ts = require('typescript');
import type { FuncInfo, GenericInfo } from './context.js';
import type { ExprTyper } from './expr.js';
import { typeIntrinsic, naturalOfIntrinsic } from './intrinsics.js';
import { enclosingClass, isStatic, overridden } from './classes.js';
import type { ClassInfo, InterfaceInfo } from './classes.js';
import { instantiate, signatureOf } from './declarations.js';
import { I32, VOID, typeName } from './types.js';
import type { MType } from './types.js';

const K = ts.SyntaxKind;

/** Whether a call runs an instance method (resolved through its receiver's class). */
function isInstanceMethod(decl: ts.Declaration): decl is ts.MethodDeclaration {
  return ts.isMethodDeclaration(decl) && !isStatic(decl) && ts.isClassLike(decl.parent);
}

/** The class of `obj` in `obj.m(…)`, or the base class in `super.m(…)`. */
function receiverClass(ty: ExprTyper, e: ts.CallExpression, typeIt: boolean): ClassInfo | undefined {
  const pa = calleeOf(e);
  if (!ts.isPropertyAccessExpression(pa)) return undefined;
  if (pa.expression.kind === K.SuperKeyword) return enclosingClass(ty.sema, e)?.base;
  const t = typeIt ? ty.type(pa.expression) : ty.natural(pa.expression);
  return t?.kind === 'class' ? t.info : undefined;
}

/**
 * The return type TypeScript gives a resolved signature, without the
 * `undefined` it adds in an optional chain (`i?.m()`: `T | undefined`).
 */
function returnTypeOf(ty: ExprTyper, sig: ts.Signature): ts.Type {
  return ty.sema.checker.getNonNullableType(ty.sema.checker.getReturnTypeOfSignature(sig));
}

/** The result of a generic call as TypeScript instantiates it (null where that is plain `number`). */
function genericResult(ty: ExprTyper, sig: ts.Signature): MType | null {
  const rt = returnTypeOf(ty, sig);
  return rt.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral) ? null : (ty.sema.mtypeOf(rt) ?? null);
}

/** The result type of a call without typing it (for `natural`). */
export function naturalOfCall(ty: ExprTyper, e: ts.CallExpression): MType | null {
  const callee = ty.natural(e.expression);
  if (callee?.kind === 'func') return callee.ret;
  const sig = ty.sema.checker.getResolvedSignature(e);
  const decl = sig?.getDeclaration();
  if (decl && ts.isCallSignatureDeclaration(decl)) {
    const name = ty.sema.intrinsicName(decl);
    return name ? naturalOfIntrinsic(ty, e, decl, name) : null;
  }
  if (decl && ts.isMethodSignature(decl) && ty.sema.interfaces.has(decl.parent as ts.InterfaceDeclaration)) {
    return ty.sema.mtypeOf(returnTypeOf(ty, sig!)) ?? null;
  }
  if (!decl || !(ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl))) return null;
  const intr = ts.isMethodDeclaration(decl) ? undefined : ty.sema.intrinsicName(decl);
  if (intr && !ts.isMethodDeclaration(decl)) return naturalOfIntrinsic(ty, e, decl, intr);
  if (ty.sema.generics.has(decl)) return genericResult(ty, sig!);
  if (isInstanceMethod(decl)) {
    const c = receiverClass(ty, e, false);
    const name = (calleeOf(e) as ts.PropertyAccessExpression).name.text;
    if (c?.genericMethods.has(name)) return genericResult(ty, sig!);
    return c?.methods.get(name)?.ret ?? null;
  }
  return ty.sema.funcs.get(decl)?.ret ?? null;
}

/**
 * The instance of a generic function a call needs: its type arguments are
 * written (`max<u8>(a, b)`) or inferred by TypeScript from the arguments.
 */
export function instanceFor(ty: ExprTyper, e: ts.CallExpression, g: GenericInfo): FuncInfo | undefined {
  const s = ty.sema;
  const sig = s.checker.getResolvedSignature(e);
  const inferred = sig ? s.checker.getTypeArgumentsForResolvedSignature(sig) : undefined;
  const args: MType[] = [];
  for (let i = 0; i < g.decl.typeParameters!.length; i++) {
    const written = e.typeArguments?.[i];
    // Inferred from literals, T is a literal type (2.5 | 1.5): widen it.
    const t = written ? s.typeFromNode(written) : inferred?.[i] && s.mtypeOf(s.checker.getBaseTypeOfLiteralType(inferred[i]));
    if (!t) {
      s.diags.error('TSK1005', e, `cannot tell the machine type of ${g.name}'s type parameter ${i + 1}; write it, e.g. ${g.name}<i32>(…)`);
      return undefined;
    }
    args.push(t);
  }
  return instantiate(s, g, args, ty.typeBody);
}

/** `super(args)` in a derived constructor: runs the base constructor on ty. */
export function superCall(ty: ExprTyper, e: ts.CallExpression): MType {
  const s = ty.sema;
  const base = enclosingClass(s, e)?.base;
  if (!base?.ctor) {
    s.diags.error('TSK1007', e, `super() needs a base class`);
    return VOID;
  }
  s.superCalls.set(e, base.ctor);
  e.arguments.forEach((a, i) => {
    const p = base.ctor!.params[i];
    if (p) ty.expect(a, p.type, `parameter '${p.name}' of ${base.name}'s constructor`);
  });
  return VOID;
}

/** `obj.m(args)` where obj has an interface type: dispatched on obj's class. */
export function interfaceCall(ty: ExprTyper, e: ts.CallExpression, decl: ts.MethodSignature, iface: InterfaceInfo): MType {
  const s = ty.sema;
  const method = (decl.name as ts.Identifier).text;
  const sig = signatureOf(s, decl, `${iface.name}.${method}`);
  ty.type((calleeOf(e) as ts.PropertyAccessExpression).expression);
  e.arguments.forEach((a, i) => {
    const p = sig.params[i];
    if (p) ty.expect(a, p.type, `parameter '${p.name}' of ${iface.name}.${method}`);
  });
  s.ifaceCalls.set(e, { iface, method, params: sig.params.map((p) => p.type), ret: sig.ret });
  return sig.ret;
}

/** The top-level function a symbol names, if any. */
export function functionNamed(ty: ExprTyper, sym: ts.Symbol): FuncInfo | undefined {
  const decl = sym.valueDeclaration;
  return decl && ts.isFunctionDeclaration(decl) ? ty.sema.funcs.get(decl) : undefined;
}

export function funcType(ty: ExprTyper, f: FuncInfo): MType {
  return { kind: 'func', params: f.params.map((p) => p.type), ret: f.ret };
}

/** The callee of a call through parentheses: `(f)(x)` calls what `f(x)` calls. */
export function calleeOf(e: ts.CallExpression): ts.Expression {
  let c: ts.Expression = e.expression;
  while (ts.isParenthesizedExpression(c)) c = c.expression;
  return c;
}

/**
 * Whether a callee names what it calls (a function, method, intrinsic or
 * `super`). Any other callee (a call, `?:`, an element…) is a function value.
 */
function isNamedCallee(c: ts.Expression): boolean {
  return ts.isIdentifier(c) || ts.isPropertyAccessExpression(c) || c.kind === K.SuperKeyword;
}

/** A call through a function value: a variable, parameter, field, element or any expression of function type. */
export function indirectCall(ty: ExprTyper, e: ts.CallExpression, callee: MType & { kind: 'func' }): MType {
  ty.sema.indirectCalls.add(e);
  e.arguments.forEach((a, i) => {
    const p = callee.params[i];
    if (p) ty.expect(a, p, `argument ${i + 1}`);
    else ty.type(a);
  });
  return callee.ret;
}

export function call(ty: ExprTyper, e: ts.CallExpression, expected?: MType): MType {
  const s = ty.sema;
  const callee = calleeOf(e);
  // Through a function value unless the callee is a function's own name
  // (or a method): a variable may be reassigned, so the call is indirect.
  const calleeSym = ts.isIdentifier(callee) ? s.symbolOf(callee) : undefined;
  // A callable declared in runtime/lib (such as asm) is an intrinsic, not a function value.
  const vd = calleeSym?.valueDeclaration;
  const runtimeValue = vd && s.isRuntime(vd) && vd.getSourceFile().isDeclarationFile;
  const valueCallee = !isNamedCallee(callee) ||
    (ts.isIdentifier(callee) && calleeSym && !runtimeValue && !(calleeSym.flags & ts.SymbolFlags.Function)) ||
    (ts.isPropertyAccessExpression(callee) && ty.natural(callee)?.kind === 'func');
  if (valueCallee) {
    const reported = s.diags.items.length;
    const ct = ty.type(e.expression);
    if (ct.kind === 'func') return indirectCall(ty, e, ct);
    if (!isNamedCallee(callee)) {
      if (s.diags.items.length === reported) s.diags.error('TSK1007', e.expression, `this is ${typeName(ct)}, not a function: only functions, methods and values of a function type can be called`);
      e.arguments.forEach((a) => ty.type(a));
      return expected ?? I32;
    }
  }
  if (callee.kind === K.SuperKeyword) return superCall(ty, e);
  const decl = s.checker.getResolvedSignature(e)?.getDeclaration();
  // A call of a callable runtime value such as asm(…).
  if (decl && ts.isCallSignatureDeclaration(decl) && s.intrinsicName(decl)) return typeIntrinsic(ty, e, decl, s.intrinsicName(decl)!, expected);
  if (decl && ts.isMethodSignature(decl) && s.intrinsicName(decl)) return typeIntrinsic(ty, e, decl, s.intrinsicName(decl)!, expected);
  if (decl && ts.isMethodSignature(decl) && ts.isInterfaceDeclaration(decl.parent) && s.interfaces.has(decl.parent)) {
    return interfaceCall(ty, e, decl, s.interfaces.get(decl.parent)!);
  }
  if (!decl || !(ts.isFunctionDeclaration(decl) || ts.isMethodDeclaration(decl))) {
    s.diags.error('TSK1007', e.expression, `only functions, methods and values of a function type can be called`);
    e.arguments.forEach((a) => ty.type(a));
    return expected ?? I32;
  }
  const intr = ts.isFunctionDeclaration(decl) ? s.intrinsicName(decl) : undefined;
  if (intr && ts.isFunctionDeclaration(decl)) return typeIntrinsic(ty, e, decl, intr, expected);
  // An instance method is looked up in its receiver's class, which may be
  // an instance of a generic class; a generic one is instantiated.
  const recvClass = isInstanceMethod(decl) ? receiverClass(ty, e, true) : undefined;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const generic = s.generics.get(decl) ?? recvClass?.genericMethods.get(name);
  const info = generic ? instanceFor(ty, e, generic) : recvClass ? recvClass.methods.get(name) : s.funcs.get(decl);
  if (generic && !info) return expected ?? I32;
  if (!info) {
    s.diags.error('TSK1007', e.expression, `'${decl.name?.getText() ?? '?'}' has no tskc body to call (external functions are not supported yet)`);
    return expected ?? I32;
  }
  s.calls.set(e, info);
  if (info.interrupt) {
    s.diags.error('TSK1032', e.expression, `'${info.name}' is an @interrupt handler: the CPU enters it through its stub, which ends with iretq; put the shared code in a plain function and call that`);
  }
  if (recvClass && ts.isPropertyAccessExpression(callee)) {
    // obj.method(…): the receiver is the implicit first argument. Through
    // a class whose subclasses override the method, the call is virtual;
    // super.method(…) and generic methods are always direct.
    const recv = callee.expression;
    if (recv.kind === K.SuperKeyword) s.exprTypes.set(recv, { kind: 'class', info: recvClass });
    else if (!generic && (info.abstract || overridden(s, recvClass.decl, name))) s.virtualCalls.set(e, recvClass.slots.indexOf(name));
  } else if (info.thisClass && ts.isPropertyAccessExpression(callee)) {
    ty.type(callee.expression);
  }
  e.arguments.forEach((a, i) => {
    const p = info.params[i];
    if (p) ty.expect(a, p.type, `parameter '${p.name}' of ${info.name}`);
    else ty.type(a);
  });
  return info.ret;
}