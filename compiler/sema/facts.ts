// What the semantic pass records about function bodies (BodyFacts): the
// machine type of every expression and how each call, field access and
// `new` resolves. Generic instances have their own; lowering reads them.
import type ts from 'typescript';
import type { FuncInfo } from './context.js';
import type { ClassInfo, FieldInfo, InterfaceInfo } from './classes.js';
import type { MType } from './types.js';
import type { AsmCall } from './asm.js';

/** `obj.m(…)` through an interface type: what the dispatch function needs. */
export interface IfaceCall {
  iface: InterfaceInfo;
  method: string;
  params: MType[];
  ret: MType;
}

/** A call of a declared intrinsic (a `declare function` tagged `@intrinsic`). */
export interface IntrinsicCall {
  name: string;
  /** The T of load<T>/store<T>/changetype<T> and conversions' target type. */
  typeArg?: MType;
  /** Intrinsics that are compile-time constants (sizeof, offsetof). */
  value?: bigint;
}

/**
 * What the pass learns about one function body: per-expression types and
 * resolutions. A generic function's instance has its own (its expressions
 * have other types); everything else shares the program's.
 */
/** The functions a getter/setter property runs, with their vtable slots when virtual. */
export interface Accessor {
  get?: FuncInfo;
  set?: FuncInfo;
  getSlot?: number;
  setSlot?: number;
  /** The type of the property's value. */
  type: MType;
  /** Static accessors take no object. */
  isStatic: boolean;
}

export class BodyFacts {
  /** In a generic class instance's bodies: that instance (the class of `this`). */
  owner?: ClassInfo;
  /** Parameters and local variables. */
  readonly locals = new Map<ts.Symbol, MType>();
  readonly exprTypes = new Map<ts.Node, MType>();
  readonly calls = new Map<ts.CallExpression, FuncInfo>();
  readonly intrinsics = new Map<ts.CallExpression, IntrinsicCall>();
  /** `super(…)` in a constructor: the base constructor it runs. */
  readonly superCalls = new Map<ts.CallExpression, FuncInfo>();
  /** `obj.m()` through a class with overriding subclasses: the vtable slot. */
  readonly virtualCalls = new Map<ts.CallExpression, number>();
  /** `obj.m()` through an interface type. */
  readonly ifaceCalls = new Map<ts.CallExpression, IfaceCall>();
  /** `obj.field` expressions and the field they read or write. */
  readonly fieldAccess = new Map<ts.PropertyAccessExpression, FieldInfo>();
  /** `new C(…)` expressions and their class. */
  readonly news = new Map<ts.NewExpression, ClassInfo>();
  /** Indexing expressions and the array type they index. */
  readonly elements = new Map<ts.ElementAccessExpression, MType & { kind: 'array' }>();
  /** Indexing expressions inside unchecked(): no bounds check. */
  readonly unchecked = new Set<ts.ElementAccessExpression>();
  /** `new Uint8Array(n)`, `new Array<T>(n)` and array literals, with their type. */
  readonly arrayNews = new Map<ts.Expression, MType & { kind: 'array' }>();
  /** Names of top-level functions used as values, and the function. */
  readonly funcRefs = new Map<ts.Identifier, FuncInfo>();
  /** Calls through a function value (not through a function's own name). */
  readonly indirectCalls = new Set<ts.CallExpression>();
  /** `a?.n == null` / `!= null` on a chain of a non-reference type: true when the chain stops. */
  readonly chainNullTests = new Set<ts.BinaryExpression>();
  /** `obj.x` and `C.x` naming a getter and/or setter. */
  readonly accessors = new Map<ts.PropertyAccessExpression, Accessor>();
  /** ExprTyper.natural's results, once declarations are complete (see there). */
  readonly naturals = new Map<ts.Node, MType | null>();
  /** `x instanceof C`: the class C. */
  readonly instanceOfs = new Map<ts.BinaryExpression, ClassInfo>();
  /** Inline asm calls (docs/language.md §11). */
  readonly asmCalls = new Map<ts.CallExpression, AsmCall>();
  /** Template literals and strings passed as a Template: the caller builds a descriptor. */
  readonly templates = new Set<ts.Expression>();
  /** `new` expressions that initialise a module-level variable: static storage. */
  readonly staticNews = new Set<ts.NewExpression>();
  /** `for…of` over an object of a `@forOf` class: the array field and the count field it walks. */
  readonly forOfs = new Map<ts.ForOfStatement, ForOfFields>();
  /** Static ifs (sema/staticif.ts): the branch taken. */
  readonly staticIfs = new Map<ts.IfStatement, boolean>();
}

/** A `@forOf ITEMS COUNT` class: `for (x of obj)` visits obj.ITEMS[0 … obj.COUNT) (docs/library.md). */
export interface ForOfFields {
  items: FieldInfo;
  count: FieldInfo;
}
