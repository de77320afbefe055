// The semantic pass's shared state: what it learns about declarations and
// expressions (machine types, resolved calls, intrinsics), plus the symbol and
// type resolution helpers every part of sema uses. Lowering reads it.
import ts = require('typescript');
import type { Target } from '../target/target.js';
import type { DiagnosticBag } from '../diag/diagnostic.js';
import { BOOL, F32, F64, INT_TYPES, NEVER, STRING, TEMPLATE, TYPED_ARRAYS, VOID, isIntName, isReference } from './types.js';
import type { MType } from './types.js';
import { pointeeProblem } from './pointers.js';
import type { ClassInfo, InterfaceInfo } from './classes.js';
import { BodyFacts } from './facts.js';
import type { GenericClassInfo } from './instances.js';
import { classTypeArgs, instantiateClass } from './instances.js';

export { BodyFacts } from './facts.js';
export type { Accessor, IfaceCall, IntrinsicCall } from './facts.js';

export interface FuncInfo {
  /** The declaration (the class itself for an implicit constructor). */
  decl: ts.FunctionLikeDeclaration | ts.ClassDeclaration;
  /** For messages: `f`, `Point.length`, `Point.constructor`. */
  name: string;
  body?: ts.Block;
  /** The assembly symbol. */
  symbol: string;
  /** `init` is a default value, evaluated at each call that omits it. */
  params: { sym: ts.Symbol; name: string; type: MType; init?: ts.Expression }[];
  ret: MType;
  exported: boolean;
  /** Methods and constructors: the class of the implicit `this` parameter. */
  thisClass?: ClassInfo;
  /** Constructors: the class whose field initializers they run first. */
  ctorOf?: ClassInfo;
  /** `@naked`: no prologue or epilogue; the body is asm statements only (sema/naked.ts). */
  naked?: boolean;
  /** Abstract methods: no code, only a vtable slot. */
  abstract?: boolean;
  /** Generic instances: their own facts and type-parameter bindings. */
  instance?: { facts: BodyFacts; bindings: Map<ts.Symbol, MType> };
  /** `@interrupt` handlers: `symbol` is the generated entry stub, `handler` the body's symbol. */
  interrupt?: { errorCode: boolean; handler: string };
  /** `@section NAME`: the section of the function's code. */
  section?: string;
  /** `@noinline`: calls of it stay calls. */
  noinline?: boolean;
  /** `@extern NAME` declarations: no body here, `symbol` is resolved by the linker. */
  extern?: boolean;
}

export interface GlobalInfo {
  decl: ts.VariableDeclaration | ts.PropertyDeclaration;
  symbol: string;
  type: MType;
  isConst: boolean;
  /** The value, when the initializer is a compile-time constant. */
  value?: bigint;
  /** `memory.data(n)` initializers: the address of a static block. */
  staticBytes?: number;
  /** `@section NAME` and `@align N`. */
  section?: string;
  align?: number;
  /** `@extern NAME` (a `declare const`): the data is defined elsewhere. */
  extern?: boolean;
}

/** A generic function or method and its instances (one per list of type arguments). */
export interface GenericInfo {
  decl: ts.FunctionDeclaration | ts.MethodDeclaration;
  name: string;
  symbol: string;
  instances: Map<string, FuncInfo>;
  /** Instance methods: the class (instance) whose `this` they take. */
  owner?: ClassInfo;
}

export class Sema {
  /** The facts being recorded or read: the program's, or a generic instance's. */
  facts = new BodyFacts();
  /** The facts of every body that is not a generic instance's. */
  readonly programFacts = this.facts;
  /** Type parameters' machine types inside a generic instance. */
  bindings = new Map<ts.Symbol, MType>();
  readonly generics = new Map<ts.Declaration, GenericInfo>();
  readonly genericClasses = new Map<ts.Declaration, GenericClassInfo>();
  /** Instances of generic classes, in the order they were made. */
  readonly classInstances: ClassInfo[] = [];
  /** Each class declaration's direct subclass declarations (generic ones included). */
  readonly subclassDecls = new Map<ts.Declaration, ts.ClassDeclaration[]>();
  /** Defines a class instance made after the declaration phase (set by defineClasses). */
  classDefiner?: (c: ClassInfo) => void;
  /** Set once every declaration is collected; classes being defined count up from 0. */
  declarationsDone = false;
  definingClasses = 0;
  /** Functions of generic class instances whose bodies are still to be typed. */
  readonly pendingBodies: FuncInfo[] = [];
  get locals() {
    return this.facts.locals;
  }
  get exprTypes() {
    return this.facts.exprTypes;
  }
  get calls() {
    return this.facts.calls;
  }
  get intrinsics() {
    return this.facts.intrinsics;
  }
  get superCalls() {
    return this.facts.superCalls;
  }
  get virtualCalls() {
    return this.facts.virtualCalls;
  }
  get ifaceCalls() {
    return this.facts.ifaceCalls;
  }
  get fieldAccess() {
    return this.facts.fieldAccess;
  }
  get forOfs() {
    return this.facts.forOfs;
  }
  get staticIfs() {
    return this.facts.staticIfs;
  }
  get news() {
    return this.facts.news;
  }
  get elements() {
    return this.facts.elements;
  }
  get unchecked() {
    return this.facts.unchecked;
  }
  get arrayNews() {
    return this.facts.arrayNews;
  }
  get funcRefs() {
    return this.facts.funcRefs;
  }
  get indirectCalls() {
    return this.facts.indirectCalls;
  }
  get chainNullTests() {
    return this.facts.chainNullTests;
  }
  get accessors() {
    return this.facts.accessors;
  }
  get instanceOfs() {
    return this.facts.instanceOfs;
  }
  get asmCalls() {
    return this.facts.asmCalls;
  }
  get templates() {
    return this.facts.templates;
  }
  get staticNews() {
    return this.facts.staticNews;
  }

  /** Runs f with another body's facts and type bindings in force. */
  withFacts<T>(facts: BodyFacts, bindings: Map<ts.Symbol, MType>, f: () => T): T {
    const saved = [this.facts, this.bindings] as const;
    this.facts = facts;
    this.bindings = bindings;
    try {
      return f();
    } finally {
      [this.facts, this.bindings] = saved;
    }
  }

  readonly funcs = new Map<ts.Declaration, FuncInfo>();
  readonly globals = new Map<ts.Symbol, GlobalInfo>();
  /** Non-generic classes by declaration (instances of generic ones: classInstances). */
  readonly classes = new Map<ts.Declaration, ClassInfo>();
  readonly interfaces = new Map<ts.Declaration, InterfaceInfo>();
  /** Source files in initialisation order (dependencies first). */
  files: ts.SourceFile[] = [];

  constructor(
    readonly program: ts.Program,
    readonly checker: ts.TypeChecker,
    readonly target: Target,
    readonly diags: DiagnosticBag,
    readonly runtimeFiles: ReadonlySet<string>,
  ) {}

  /** Every class: the non-generic ones, then the instances of generic ones. */
  allClasses(): ClassInfo[] {
    return [...this.classes.values(), ...this.classInstances];
  }

  /** The symbol an identifier refers to, through import aliases. */
  symbolOf(node: ts.Node): ts.Symbol | undefined {
    let s = this.checker.getSymbolAtLocation(node);
    if (s && s.flags & ts.SymbolFlags.Alias) s = this.checker.getAliasedSymbol(s);
    return s;
  }

  /** Whether a declaration comes from tskc's runtime (lib or support code). */
  isRuntime(node: ts.Node): boolean {
    return this.runtimeFiles.has(node.getSourceFile().fileName);
  }

  /** The `@intrinsic NAME` tag of a runtime declaration, if it has one. */
  intrinsicName(decl: ts.Declaration): string | undefined {
    if (!this.isRuntime(decl)) return undefined;
    for (const tag of ts.getJSDocTags(decl)) {
      if (tag.tagName.text === 'intrinsic' && typeof tag.comment === 'string') return tag.comment.trim();
    }
    return undefined;
  }

  /** The machine type of a TypeScript type, or undefined if it has none. */
  mtypeOf(t: ts.Type): MType | undefined {
    if (t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return BOOL;
    if (t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return STRING;
    if (t.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return VOID;
    if (t.flags & ts.TypeFlags.Never) return NEVER;
    if (t.flags & ts.TypeFlags.TypeParameter) return t.symbol ? this.bindings.get(t.symbol) : undefined;
    // Numeric enums are i32 (docs/language.md §2.1).
    if (t.flags & ts.TypeFlags.EnumLike) return INT_TYPES.i32;
    if (t.flags & ts.TypeFlags.Union) return this.nullableOf(t as ts.UnionType);
    if (t.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return F64;
    if (this.checker.isArrayType(t)) {
      const elem = this.checker.getTypeArguments(t as ts.TypeReference)[0];
      const et = elem && this.mtypeOf(elem);
      return et ? { kind: 'array', elem: et } : undefined;
    }
    const typed = t.symbol && TYPED_ARRAYS[t.symbol.name];
    if (typed && t.symbol.valueDeclaration && this.isRuntime(t.symbol.valueDeclaration)) {
      return { kind: 'array', elem: INT_TYPES[typed] };
    }
    const sigs = t.flags & ts.TypeFlags.Object ? t.getCallSignatures() : [];
    if (sigs.length === 1 && t.getProperties().length === 0 && t.getConstructSignatures().length === 0) {
      return this.funcTypeOf(sigs[0]);
    }
    if (t.flags & ts.TypeFlags.Object && t.symbol?.flags & ts.SymbolFlags.Interface) {
      const decl = t.symbol.declarations?.[0];
      const info = decl && this.interfaces.get(decl);
      if (info) return { kind: 'iface', info };
    }
    if (t.flags & ts.TypeFlags.Object && t.symbol?.flags & ts.SymbolFlags.Class) {
      const decl = t.symbol.valueDeclaration;
      const info = decl && this.classes.get(decl);
      if (info) return { kind: 'class', info };
      const g = decl && this.genericClasses.get(decl);
      const args = g && classTypeArgs(this, g, t);
      if (g && args) return { kind: 'class', info: instantiateClass(this, g, args) };
    }
    // Integer types are recognised by their brand, so user aliases of them work.
    if (t.flags & ts.TypeFlags.Intersection) {
      if (t.getProperty('__template')) return TEMPLATE;
      // Ptr<T> is a usize branded with its pointee type (docs/language.md §6.7).
      const pointee = t.getProperty('__pointee');
      if (pointee) {
        const elem = this.mtypeOf(this.checker.getNonNullableType(this.checker.getTypeOfSymbol(pointee)));
        return elem ? { kind: 'ptr', elem } : undefined;
      }
      const brand = t.getProperty('__int');
      if (brand?.valueDeclaration) {
        const bt = this.checker.getNonNullableType(this.checker.getTypeOfSymbol(brand));
        if (bt.isStringLiteral() && isIntName(bt.value)) return INT_TYPES[bt.value];
      }
      if (t.getProperty('__float')) return F32;
    }
    return undefined;
  }

  /**
   * `T | null` where T is a reference type (a class, array, string,
   * interface or function type) is T: null is the address 0 (docs/language.md
   * §2). Unions with `undefined`, and nullable integers, have no machine type.
   */
  private nullableOf(u: ts.UnionType): MType | undefined {
    const rest = u.types.filter((m) => !(m.flags & ts.TypeFlags.Null));
    if (rest.some((m) => m.flags & ts.TypeFlags.Undefined)) return undefined;
    // A union of string literals ('a' | 'b') is a string.
    const t = rest.length === 1 ? this.mtypeOf(rest[0]) : rest.every((m) => m.flags & ts.TypeFlags.StringLiteral) ? STRING : undefined;
    return t && (rest.length === u.types.length || isReference(t)) ? t : undefined;
  }

  /** A function type from a signature; undefined if a parameter or the result has no machine type. */
  funcTypeOf(sig: ts.Signature): MType | undefined {
    const params: MType[] = [];
    for (const p of sig.getParameters()) {
      const pt = this.mtypeOf(this.checker.getTypeOfSymbol(p));
      if (!pt) return undefined;
      params.push(pt);
    }
    const ret = this.mtypeOf(this.checker.getReturnTypeOfSignature(sig));
    return ret ? { kind: 'func', params, ret } : undefined;
  }

  /** The machine type written by a type annotation; reports a diagnostic if none. */
  typeFromNode(node: ts.TypeNode): MType {
    const t = this.mtypeOf(this.checker.getTypeFromTypeNode(node));
    if (t) {
      this.checkFloatAllowed(node, t);
      for (let x: MType = t; x.kind === 'ptr' || x.kind === 'array'; x = x.elem) {
        const problem = x.kind === 'ptr' ? pointeeProblem(x.elem) : x.elem.kind === 'template' ? 'a Template lives in a stack frame and cannot be an array element' : undefined;
        if (problem) this.diags.error('TSK1040', node, problem);
      }
      return t;
    }
    this.reportBadType(node, this.checker.typeToString(this.checker.getTypeFromTypeNode(node)));
    return INT_TYPES.i32;
  }

  /** Floating point exists on the user and linux targets only (no SSE in the kernel). */
  checkFloatAllowed(node: ts.Node, t: MType): void {
    const uses = (x: MType): boolean =>
      x.kind === 'float' || ((x.kind === 'array' || x.kind === 'ptr') && uses(x.elem)) || (x.kind === 'func' && (uses(x.ret) || x.params.some(uses)));
    if (!this.target.floats && uses(t)) {
      this.diags.error('TSK1011', node, `floating point ('number', f64, f32) is not available on the ${this.target.name} target, which never touches SSE registers; use integers`);
    }
  }

  reportBadType(node: ts.Node, name: string): void {
    if (/\bnull\b/.test(name) && !/\bundefined\b/.test(name)) {
      this.diags.error('TSK1012', node, `type '${name}' has no machine representation: only references (classes, arrays, strings, interfaces, function types) can be null, as the address 0; for a number, use a sentinel value such as -1, or a separate bool`);
      return;
    }
    if (/\bundefined\b/.test(name)) {
      this.diags.error('TSK1002', node, `type '${name}' has no machine representation: tskc has no 'undefined' value; use 'T | null' for a reference that may be missing, or a default value`);
      return;
    }
    this.diags.error('TSK1002', node, `type '${name}' has no machine representation in tskc; use an integer type (i8…u64, isize, usize), a float (number, f32), bool, string, a class, an array or a function type`);
  }

  typeOfExpr(e: ts.Expression): MType {
    const t = this.exprTypes.get(e);
    if (!t) throw new Error(`internal: no type recorded for '${e.getText()}' at ${e.getSourceFile().fileName}:${e.pos}`);
    return t;
  }
}
