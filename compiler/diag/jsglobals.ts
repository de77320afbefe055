// JavaScript's globals and built-in methods that tskc programs do not have
// (docs/language.md §9): TypeScript reports them as missing names ("Do you
// need to change your target library?") or missing properties, advice that
// is wrong for tskc. These TypeScript errors become TSK1050, naming what to
// use instead: a standard-library type (docs/library.md), or why there is none.
import ts = require('typescript');

const COLLECTIONS = "'tskc:collections'";
const TEXT = "'tskc:text'";
const NO_GC = 'tskc has no garbage collector';

/** Globals, by name: what to write instead. */
const GLOBALS: Record<string, string> = {
  Map: `use HashMap<K, V> from ${COLLECTIONS}`,
  Set: `use HashSet<K> from ${COLLECTIONS}`,
  WeakMap: `${NO_GC} to clear weak entries; use HashMap<K, V> from ${COLLECTIONS} and delete entries explicitly`,
  WeakSet: `${NO_GC} to clear weak entries; use HashSet<K> from ${COLLECTIONS} and delete entries explicitly`,
  WeakRef: `${NO_GC}; keep a reference and free() it explicitly`,
  FinalizationRegistry: `${NO_GC}; free() objects explicitly`,
  Promise: 'there is no async runtime (no event loop); keep explicit state and call functions when work is done',
  JSON: `there are no dynamic objects to (de)serialise; format with TextBuilder and parse with parseI64/Fields from ${TEXT}`,
  Object: 'classes have fixed layouts and no reflection; use a class and its fields',
  Reflect: 'there is no reflection; use a class and its fields',
  Proxy: 'there is no reflection; use a class and its methods',
  Symbol: 'there are no symbols; use integer constants or an enum',
  BigInt: 'use i64 or u64',
  Date: 'there is no wall clock library; read the time from the target (rdtsc(), the kernel\'s timer or a system call)',
  RegExp: `there are no regular expressions; use findString, startsWith, Fields from ${TEXT}`,
  Intl: 'there is no locale support; format with TextBuilder from ' + TEXT,
  Atomics: 'use asm(…) with lock-prefixed instructions (docs/language.md §11)',
  ArrayBuffer: 'use a typed array (new Uint8Array(n)), memory.data(n) or Ptr<T> (docs/language.md §6.6, §6.7)',
  SharedArrayBuffer: 'use a typed array, memory.data(n) or Ptr<T> (docs/language.md §6.6, §6.7)',
  DataView: 'use load<T>/store<T> or Ptr<T> at an address (docs/language.md §6.7, §7.1)',
  Float32Array: 'use f32[] (new Array<f32>(n))',
  Float64Array: 'use f64[] (new Array<f64>(n))',
  BigInt64Array: 'use Int64Array (its elements are i64)',
  BigUint64Array: 'use Uint64Array (its elements are u64)',
  Uint8ClampedArray: 'use Uint8Array and clamp explicitly',
  parseInt: `use parseI64 or parseU64 from ${TEXT}`,
  parseFloat: 'there is no float parser yet; parse integers with parseI64 from ' + TEXT,
  isNaN: 'compare the value with itself: x != x is true only for NaN',
  isFinite: 'compare with the largest finite value or check for NaN (x != x)',
  Number: 'use the machine types (i32, f64 …) and their conversions (docs/language.md §3.3)',
  String: `there are no string objects; build text with TextBuilder from ${TEXT}`,
  Boolean: 'use bool and comparisons',
  Function: 'use a function type such as (a: i32) => i32 (docs/language.md §5)',
  Array: `use a fixed array (new Array<T>(n)) or Vec<T> from ${COLLECTIONS}`,
  TypeError: "throw new Error(message): tskc panics, and has no other error classes",
  RangeError: "throw new Error(message): tskc panics, and has no other error classes",
  SyntaxError: "throw new Error(message): tskc panics, and has no other error classes",
  setTimeout: 'there is no event loop; in the kernel, keep timers in a MinHeap from ' + COLLECTIONS,
  setInterval: 'there is no event loop; in the kernel, keep timers in a MinHeap from ' + COLLECTIONS,
  queueMicrotask: 'there is no event loop; call the function',
  require: "use import … from '…'",
  window: 'there is no browser or host environment',
  document: 'there is no browser or host environment',
  globalThis: 'there is no global object; import what you need from its module',
};

/** What to write instead of JavaScript's global `name`. */
export function jsGlobalAdvice(name: string): string | undefined {
  return Object.hasOwn(GLOBALS, name) ? GLOBALS[name] : undefined;
}

const VEC = `use Vec<T> from ${COLLECTIONS}`;
const LOOP = 'write a for…of or counted loop';
/** Methods JavaScript arrays have and tskc's fixed-length arrays do not. */
const ARRAY_METHODS: Record<string, string> = {
  push: `arrays have a fixed length; ${VEC} (push, pop, insert, remove)`,
  pop: `arrays have a fixed length; ${VEC}`,
  shift: `arrays have a fixed length; ${VEC} (remove(0)) or a RingBuffer<T>`,
  unshift: `arrays have a fixed length; ${VEC} (insert(0, x))`,
  splice: `arrays have a fixed length; ${VEC} (insert, remove)`,
  concat: `would allocate; ${VEC} and push the elements`,
  slice: `would allocate; ${VEC}, or pass the array and an index range`,
  sort: `use sortRange(a, 0, a.length, compare) or Vec.sort(compare) from ${COLLECTIONS}`,
  toSorted: `use sortRange(a, 0, a.length, compare) from ${COLLECTIONS}`,
  map: `there are no closures; ${LOOP}`,
  filter: `there are no closures; ${LOOP}`,
  reduce: `there are no closures; ${LOOP}`,
  forEach: `there are no closures; ${LOOP}`,
  find: `there are no closures; ${LOOP}`,
  findIndex: `there are no closures; ${LOOP}`,
  some: `there are no closures; ${LOOP}`,
  every: `there are no closures; ${LOOP}`,
  includes: `${LOOP}, or Vec.binarySearch on a sorted Vec<T> from ${COLLECTIONS}`,
  indexOf: `${LOOP}, or Vec.binarySearch on a sorted Vec<T> from ${COLLECTIONS}`,
  join: `build the text with TextBuilder from ${TEXT}`,
  fill: 'write a loop, or memset over the elements',
  reverse: LOOP,
  at: 'index it: a[i] (bounds-checked)',
};

/** Methods JavaScript strings have and tskc's byte strings do not (allocating ones among them). */
const STRING_METHODS: Record<string, string> = {
  indexOf: `use findString or findByte from ${TEXT}`,
  includes: `use findString(s, t, 0) >= 0 from ${TEXT}`,
  startsWith: `use startsWith from ${TEXT}`,
  endsWith: `use endsWith from ${TEXT}`,
  split: `use Fields from ${TEXT} (byte ranges, no allocation)`,
  localeCompare: `use compareStrings from ${TEXT}`,
  slice: `a substring would allocate; work on byte ranges [start, end) with the helpers of ${TEXT}`,
  substring: `a substring would allocate; work on byte ranges [start, end) with the helpers of ${TEXT}`,
  concat: `would allocate; build the text with TextBuilder from ${TEXT}`,
  padStart: `use TextBuilder.radix(v, base, minDigits) from ${TEXT} for numbers`,
};

const STRING_OTHERS = `a substring or new string would allocate; build text with TextBuilder and search it with the helpers of ${TEXT}`;

/** How to walk the library's containers that for…of does not take. */
const WALKS: Record<string, string> = {
  HashMap: 'walk it by slot: for (let i = m.next(-1); i >= 0; i = m.next(i)) use m.keyAt(i), m.valueAt(i)',
  HashSet: 'walk it by slot: for (let i = s.next(-1); i >= 0; i = s.next(i)) use s.keyAt(i)',
  List: 'follow the links: for (let x = list.first; x !== null; x = list.nextOf(x))',
  MinHeap: 'pop() gives its elements in order',
  RingBuffer: 'shift() gives its elements in order',
  BitSet: 'walk the set bits: for (let i = b.firstSet(0); i >= 0; i = b.firstSet(i + 1))',
};

/**
 * The message for for…of over an object TypeScript cannot iterate (TS2488):
 * how to walk it, or how a class of one's own becomes iterable.
 */
function forOfMessage(start: ts.Node, checker: ts.TypeChecker): string | undefined {
  // The innermost node at the error is the iterated expression's first token (`this` of `this.items`).
  let node = start;
  while (node.parent && !ts.isForOfStatement(node.parent) && node.parent.getStart() === node.getStart()) node = node.parent;
  if (!ts.isExpression(node) || !ts.isForOfStatement(node.parent) || node.parent.expression !== node) return undefined;
  const name = checker.getTypeAtLocation(node).getSymbol()?.getName();
  if (name === undefined) return undefined;
  const how = Object.hasOwn(WALKS, name) ? WALKS[name]
    : `a class is iterable when tagged /** @forOf ITEMS COUNT */ (an array field and an i32 count) and declared iterable for TypeScript (docs/library.md)`;
  return `for…of cannot walk a ${name}: ${how}`;
}

/**
 * TSK1050's message for a TypeScript error that is a JavaScript global or
 * built-in method tskc leaves out, or undefined for any other error.
 */
export function jsGlobalMessage(d: ts.Diagnostic, checker: ts.TypeChecker): string | undefined {
  if (!d.file || d.start === undefined) return undefined;
  const node = nodeAt(d.file, d.start);
  if (d.code === 2488 && node) return forOfMessage(node, checker);
  if (!node || !ts.isIdentifier(node)) return undefined;
  const name = node.text;
  // TS2304/TS2583 cannot find name, TS2585/TS2693 a type used as a value.
  if ([2304, 2583, 2585, 2693].includes(d.code) && Object.hasOwn(GLOBALS, name)) {
    return `'${name}' is JavaScript's, not part of tskc: ${GLOBALS[name]} (docs/library.md)`;
  }
  // TS2339/TS2550: a property the type does not have.
  if ((d.code === 2339 || d.code === 2550) && ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) {
    const t = checker.getTypeAtLocation(node.parent.expression);
    if (checker.isArrayType(t) && Object.hasOwn(ARRAY_METHODS, name)) {
      return `arrays have no '${name}' in tskc: ${ARRAY_METHODS[name]} (docs/library.md)`;
    }
    if (t.flags & ts.TypeFlags.StringLike) {
      return `strings have no '${name}' in tskc: ${Object.hasOwn(STRING_METHODS, name) ? STRING_METHODS[name] : STRING_OTHERS} (docs/library.md)`;
    }
    const callee = node.parent.expression;
    if (ts.isIdentifier(callee) && callee.text === 'Array') return `'Array.${name}' is JavaScript's, not part of tskc: ${GLOBALS.Array} (docs/library.md)`;
  }
  return undefined;
}

/** The innermost node that starts at `pos`. */
function nodeAt(sf: ts.SourceFile, pos: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (n.getStart(sf) <= pos && pos < n.getEnd()) {
      if (n.getStart(sf) === pos) found = n;
      ts.forEachChild(n, visit);
    }
  };
  ts.forEachChild(sf, visit);
  return found;
}
