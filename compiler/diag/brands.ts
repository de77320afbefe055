// Readable errors for the machine-type brands (docs/language.md §3.3): tsc
// reports an i32 given where a u8 is expected as a five-line chain about the
// brand's `__int` property. Such an error becomes one line naming both types
// and the conversion to write; no brand internals are shown. A bool where
// an integer is expected, or the reverse, gets the same treatment. Used by the
// frontend (compiler/frontend/program.ts) and the editor plugin (compiler/plugin/).
import ts = require('typescript');

/** The brand properties of runtime/lib/core.d.ts, which users never write. */
const BRAND = /__int|__pointee/;
const INTEGER = /^(?:[iu](?:8|16|32|64)|isize|usize)$/;
const POINTER = /^Ptr<.*>$/;
/** `Type 'A' is not assignable to type 'B'.` and its variants for arguments and parameters. */
const PAIR = /(?:Type|Argument of type) '(.+)' is not assignable to (?:type|parameter of type) '(.+)'\.?$/;

/** The messages of a diagnostic chain, outermost first (the first branch at each level). */
function chainMessages(text: string | ts.DiagnosticMessageChain): string[] {
  const out: string[] = [];
  let c: string | ts.DiagnosticMessageChain | undefined = text;
  while (c !== undefined) {
    if (typeof c === 'string') {
      out.push(c);
      break;
    }
    out.push(c.messageText);
    c = c.next?.[0];
  }
  return out;
}

function machine(t: string): boolean {
  return INTEGER.test(t) || POINTER.test(t);
}

/** `an i32`, `a u8`, `a Ptr<u8>`: the article as the type's name is spoken. */
export function withArticle(t: string): string {
  return `${/^[aeiof]/.test(t) ? 'an' : 'a'} ${t}`;
}

/** What to write to turn a `from` into a `to` (both machine types). */
function fix(from: string, to: string): string {
  if (POINTER.test(to) && POINTER.test(from)) return `convert with changetype<${to}>(p) (docs/language.md §6.7)`;
  if (POINTER.test(to)) return `only a usize converts to a pointer: write usize(x) (docs/language.md §6.7)`;
  if (POINTER.test(from)) return `convert the address with ${to}(usize(p)) (docs/language.md §6.7)`;
  return `convert with ${to}(x) (docs/language.md §3.3)`;
}

/**
 * The tskc message for a TypeScript error caused by the brands, or undefined
 * for any other error (those are reported as tsc reports them).
 */
export function brandMessage(d: ts.Diagnostic): string | undefined {
  const messages = chainMessages(d.messageText);
  const pairs = messages.map((m) => PAIR.exec(m)).filter((m) => m !== null).map((m) => ({ from: m[1]!, to: m[2]! }));
  const outer = pairs[0];
  if (outer !== undefined && INTEGER.test(outer.from) && outer.to === 'boolean') {
    return `cannot use ${withArticle(outer.from)} where a bool is expected; compare it, e.g. x != 0 (docs/language.md §3.3)`;
  }
  if (outer !== undefined && outer.from === 'boolean' && INTEGER.test(outer.to)) {
    return `cannot use a bool where ${withArticle(outer.to)} is expected; convert with ${outer.to}(b), which gives 0 or 1 (docs/language.md §3.3)`;
  }
  if (!messages.some((m) => BRAND.test(m))) return undefined;
  // The innermost pair of machine types is the mismatch itself (a pointer's pointee, an array's element).
  const inner = pairs.filter((p) => machine(p.from) && machine(p.to)).at(-1)
    ?? pairs.filter((p) => /^"\w+"$/.test(p.from) && /^"\w+"$/.test(p.to)).map((p) => ({ from: p.from.slice(1, -1), to: p.to.slice(1, -1) })).at(-1);
  if (inner === undefined) return 'mismatched machine types; convert explicitly (docs/language.md §3.3)';
  if (outer === undefined || (machine(outer.from) && machine(outer.to)) || outer.from.includes('{')) {
    const shown = outer !== undefined && machine(outer.from) && machine(outer.to) ? outer : inner;
    return `cannot use ${withArticle(shown.from)} where ${withArticle(shown.to)} is expected; ${fix(shown.from, shown.to)}`;
  }
  // A composite type (array, function, class) whose parts differ in machine type.
  return `cannot use ${withArticle(outer.from)} where ${withArticle(outer.to)} is expected: ` +
    `it has ${withArticle(inner.from)} where ${withArticle(inner.to)} is expected; ` +
    'machine types must match exactly, so declare both with the same one (docs/language.md §3.3)';
}
