// Generic classes (docs/language.md §6.5), monomorphised like generic
// functions: each list of type arguments a program uses (`Stack<u8>`) is
// its own class, with its own layout, methods and assembly symbols
// (`Stack.u8.push`), typed and compiled with the type parameters bound.
import ts = require('typescript');
import { BodyFacts } from './facts.js';
import type { Sema } from './context.js';
import type { ClassInfo } from './classes.js';
import { classAttrs, linkHeritage, newClassInfo, setVtable } from './classes.js';
import { typeName } from './types.js';
import type { MType } from './types.js';

/** A generic class declaration and its instances, by their type arguments. */
export interface GenericClassInfo {
  decl: ts.ClassDeclaration;
  name: string;
  symbol: string;
  instances: Map<string, ClassInfo>;
}

/** The assembly-safe spelling of type arguments: `u8`, `Box_i32_`. */
export const mangleArgs = (args: MType[]): string => args.map((a) => typeName(a).replace(/[^A-Za-z0-9_]/g, '_')).join('.');

/**
 * The instance of a generic class for these type arguments. It is made on
 * first use: declared at once (hierarchy, whether it has a vtable), and
 * defined (layout, members) as soon as classes are being defined.
 */
export function instantiateClass(sema: Sema, g: GenericClassInfo, args: MType[]): ClassInfo {
  const key = args.map(typeName).join(',');
  const known = g.instances.get(key);
  if (known) return known;
  const bindings = new Map<ts.Symbol, MType>();
  g.decl.typeParameters!.forEach((tp, i) => {
    const sym = sema.checker.getSymbolAtLocation(tp.name);
    if (sym) bindings.set(sym, args[i]);
  });
  const facts = new BodyFacts();
  const info = Object.assign(newClassInfo(g.decl, `${g.name}<${key}>`, `${g.symbol}.${mangleArgs(args)}`), classAttrs(sema, g.decl));
  info.instance = { facts, bindings };
  facts.owner = info;
  g.instances.set(key, info);
  sema.classInstances.push(info);
  sema.withFacts(facts, bindings, () => linkHeritage(sema, info));
  setVtable(sema, info);
  sema.classDefiner?.(info);
  return info;
}

/** The type arguments of a reference to a generic class, as machine types. */
export function classTypeArgs(sema: Sema, g: GenericClassInfo, t: ts.Type): MType[] | undefined {
  // A class reference's arguments end with its `this` type: take the declared ones.
  const targs = sema.checker.getTypeArguments(t as ts.TypeReference).slice(0, g.decl.typeParameters!.length);
  const args = targs.map((a) => sema.mtypeOf(sema.checker.getBaseTypeOfLiteralType(a)));
  return args.length === g.decl.typeParameters!.length && args.every((a) => a) ? (args as MType[]) : undefined;
}
