// The part of NASM's preprocessor tskc's text uses: `%rep N` … `%endrep`
// (nested too) repeats its lines, `%assign NAME EXPR` gives NAME a number
// that the following lines see in its place (the kernel's interrupt vector
// stubs, kernel/interrupts). `%line` stays for source.ts; any other
// directive is left in place, and the reader rejects it.
import { AsmUnsupported, parseExpr } from './expr.js';

/** The lines after expansion, each with the number of the line of `text` it came from (1-based). */
export interface Expanded { lines: string[]; from: number[] }

const DIRECTIVE = /^\s*%(rep|endrep|assign)\b\s*(.*?)\s*(?:;.*)?$/i;

export function expand(text: string): Expanded {
  const src = text.split('\n');
  if (!/^\s*%(?:rep|assign)\b/im.test(text)) return { lines: src, from: src.map((_, i) => i + 1) };
  const out: Expanded = { lines: [], from: [] };
  const vars = new Map<string, bigint>();
  const subst = (line: string): string => {
    if (vars.size === 0) return line;
    return line.replace(/[A-Za-z_.?][\w.$?@#~]*/g, (w) => (vars.has(w) ? vars.get(w)!.toString() : w));
  };
  /** Runs lines [start, end) once; returns nothing (out collects). */
  const run = (start: number, end: number): void => {
    for (let i = start; i < end; i++) {
      const m = DIRECTIVE.exec(src[i]);
      if (!m) {
        out.lines.push(subst(src[i]));
        out.from.push(i + 1);
        continue;
      }
      const kind = m[1].toLowerCase();
      const fail = (what: string): AsmUnsupported => new AsmUnsupported(`line ${i + 1} (${src[i].trim()}): ${what}`);
      if (kind === 'assign') {
        const am = /^([A-Za-z_.?][\w.$?@#~]*)\s+(.+)$/.exec(m[2]);
        if (!am) throw fail('%assign without a name and a value');
        const e = parseExpr(subst(am[2]), (n) => n);
        if (e.terms.length) throw fail('%assign of a value that is not a number');
        vars.set(am[1], e.c);
      } else if (kind === 'rep') {
        const e = parseExpr(subst(m[2]), (n) => n);
        if (e.terms.length || e.c < 0n) throw fail('%rep without a count');
        const close = matchingEnd(src, i);
        if (close < 0) throw fail('%rep without %endrep');
        for (let k = 0n; k < e.c; k++) run(i + 1, close);
        i = close;
      } else throw fail('%endrep without %rep');
    }
  };
  run(0, src.length);
  return out;
}

/** The index of the %endrep that closes the %rep at `open`, or -1. */
function matchingEnd(src: string[], open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const m = DIRECTIVE.exec(src[i]);
    if (!m) continue;
    const kind = m[1].toLowerCase();
    if (kind === 'rep') depth++;
    else if (kind === 'endrep' && --depth === 0) return i;
  }
  return -1;
}
