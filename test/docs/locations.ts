// Source locations in example output: `FUNCTION at FILE.ts:LINE[:COL]`, as
// fault reports, panics and tskc symbolize print them. A location must be
// true of the tree, whether or not a test produces the example: FILE is a
// tree file (as written, or the tail of one), FUNCTION (without a `+0x…`
// offset) is a function or method of FILE whose lines include LINE
// (`tskc.init`: LINE is top-level code, outside every function), and a
// location that is a call site — a stack frame `#N`, `called from`, or the
// call in `(inlined into … at …)` — has a call on LINE.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { root } from './docs.js';
import { files } from './source.js';

export interface Func {
  name: string;
  /** 1-based first and last line. */
  first: number;
  last: number;
}

const funcs = new Map<string, Func[]>();

/** The functions, methods and constructors of a TS file, with their line ranges. */
export function functions(file: string): Func[] {
  let out = funcs.get(file);
  if (out) return out;
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  out = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node)) && node.name) {
      out!.push({ name: node.name.getText(sf), first: lineOf(node.getStart(sf)), last: lineOf(node.end) });
    } else if (ts.isConstructorDeclaration(node)) {
      out!.push({ name: 'constructor', first: lineOf(node.getStart(sf)), last: lineOf(node.end) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  funcs.set(file, out);
  return out;
}

/** Whether line `line` of a TS file holds a call: a call expression whose callee ends on that line. */
export function callsOn(file: string, line: number): boolean {
  const sf = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || line < lineOf(node.getStart(sf)) || line > lineOf(node.end)) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && lineOf(node.expression.end) === line) found = true;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export interface Location {
  fn: string;
  file: string;
  line: number;
  call: boolean;
}

const AT = /(#\d+ (?:0x[0-9a-f…]+ )?|called from (?:0x[0-9a-f…]+ )?|inlined into |)([\w.$]+)(?:\+0x[0-9a-f]+)? at ([\w./-]+\.ts):(\d+)/g;

/** The locations a text claims. */
export function locations(text: string): Location[] {
  return [...text.matchAll(AT)].map((m) => ({ fn: m[2]!, file: m[3]!, line: Number(m[4]), call: m[1] !== '' }));
}

/** What is wrong with a location, or null. */
export function locationProblem(l: Location): string | null {
  const tree = files();
  const file = tree.includes(l.file) ? l.file : tree.find((f) => f.endsWith(`/${l.file}`));
  if (!file) return `${l.file} is no file of the tree`;
  const fns = functions(file);
  const at = `${l.file}:${l.line}`;
  if (l.fn === 'tskc.init') {
    const inside = fns.find((f) => f.first <= l.line && l.line <= f.last);
    if (inside) return `${at} is in ${inside.name}, not top-level code (tskc.init)`;
  } else {
    const name = l.fn.split('.').pop()!;
    const fn = fns.filter((f) => f.name === name);
    if (fn.length === 0) return `${file} has no function ${name}`;
    if (!fn.some((f) => f.first <= l.line && l.line <= f.last)) return `${at} is not in ${name} (lines ${fn.map((f) => `${f.first}–${f.last}`).join(', ')})`;
  }
  if (l.call && !callsOn(file, l.line)) return `${at} has no call, but the example makes it a call site`;
  return null;
}
