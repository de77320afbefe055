// Constants the docs give with their value hold that value in the code.
//
// - "`NAME` = VALUE" (a unit KiB, MiB or GiB may follow), "`NAME` (VALUE)"
//   and "`VALUE` (`NAME`)", VALUE a decimal (with `,` or `_` between
//   digits) or hex number: NAME's declaration (`const NAME = …` in TS,
//   `NAME equ …` or `%define NAME …` in NASM) must evaluate to VALUE. A
//   declaration in arithmetic over literals and other such constants is
//   evaluated; one that is not (a call, a cast) is left unchecked.
// - docs/syscall-abi.md's tables of numbers and errno values list exactly
//   the SYS_* calls and errno constants of kernel/syscall/numbers.ts, each
//   with its value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { doc, docs, quoted, root, spans, tables, where } from './docs.js';
import { code, sources } from './source.js';

const UNITS: Record<string, bigint> = { KiB: 1n << 10n, MiB: 1n << 20n, GiB: 1n << 30n };

/** A number as a doc writes it: 8,192 or 0x4000_0000_0000, and a unit. */
function docNumber(text: string, unit?: string): bigint {
  return BigInt(text.replace(/[,_]/g, '')) * (unit ? UNITS[unit]! : 1n);
}

let decls: Map<string, string> | null = null;

/** Every constant declared in the sources, with the text of its value (the first declaration of a name wins). */
function declarations(): Map<string, string> {
  if (decls) return decls;
  decls = new Map();
  for (const f of sources()) {
    for (const m of code(f).matchAll(/\bconst ([A-Z][A-Z0-9_]*)(?:: *\w+)? = ([^;\n]+);/g)) if (!decls.has(m[1]!)) decls.set(m[1]!, m[2]!);
    for (const m of code(f).matchAll(/^\s*(?:%define\s+)?([A-Z][A-Z0-9_]*)\s+(?:equ\s+)?([^\n]+)$/gm)) if (f.endsWith('.inc') && !decls.has(m[1]!)) decls.set(m[1]!, m[2]!.trim());
  }
  return decls;
}

/** The value of constant `name`, or null when its declaration is not plain arithmetic. */
function valueOf(name: string, depth = 0): bigint | null {
  const text = declarations().get(name);
  if (text === undefined || depth > 8) return null;
  let expr = text.replace(/\b(0x[0-9a-fA-F_]+|\d[\d_]*)\b/g, (n) => `${n.replace(/_/g, '')}n`);
  for (const id of new Set(expr.match(/\b[A-Z][A-Z0-9_]*\b/g) ?? [])) {
    const v = valueOf(id, depth + 1);
    if (v === null) return null;
    expr = expr.replace(new RegExp(`\\b${id}\\b`, 'g'), `(${v}n)`);
  }
  if (!/^[\s\dxa-fA-Fn+\-*/()<>|&]+$/.test(expr)) return null;
  return BigInt(Function(`return (${expr});`)() as bigint);
}

const CLAIMS = [
  /`([A-Z][A-Z0-9_]+)` = ((?:0x)?[\d][\d,_a-fA-F]*)(?: (KiB|MiB|GiB))?/g,
  /`([A-Z][A-Z0-9_]+)` \(((?:0x)?[\d][\d_a-fA-F]*)\)/g,
];

describe.each(docs().map((d) => ({ name: d.name, d })))('$name', ({ d }) => {
  it('gives constants the values they have', () => {
    const problems: string[] = [];
    for (const s of spans(d)) {
      const around = s.context.slice(s.at);
      const claims = CLAIMS.flatMap((re) => [...around.matchAll(new RegExp(`^${re.source}`, 'g'))].map((m) => ({ name: m[1]!, value: docNumber(m[2]!, m[3]) })));
      const reverse = /^`(0x[\da-fA-F_]+)` \(`([A-Z][A-Z0-9_]+)`\)/.exec(around);
      if (reverse) claims.push({ name: reverse[2]!, value: docNumber(reverse[1]!) });
      for (const c of claims) {
        const real = valueOf(c.name);
        if (real !== null && real !== c.value) problems.push(`${where(d, s.line)}: ${c.name} is ${real} (0x${real.toString(16)}), not ${c.value}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('docs/syscall-abi.md', () => {
  const abi = doc('docs/syscall-abi.md');
  const numbers = readFileSync(join(root, 'kernel/syscall/numbers.ts'), 'utf8');
  const constants = (re: RegExp): [string, bigint][] => [...numbers.matchAll(re)].map((m) => [m[1]!, BigInt(m[2]!)]);

  /** The rows of the table whose header's first cell is `head`: [first cell's name, second cell's number, line]. */
  function rows(head: string): [string, bigint, number][] {
    const t = tables(abi).find((x) => abi.lines[x.line - 1]!.startsWith(`| ${head} |`));
    expect(t, `docs/syscall-abi.md has a table headed "${head}"`).toBeDefined();
    return t!.rows.map((r) => [quoted(r.cells[0]!)[0]!, BigInt(r.cells[1]!), r.line]);
  }

  it('numbers every call of kernel/syscall/numbers.ts as it does', () => {
    const real = constants(/export const SYS_(\w+): i64 = (\d+);/g).filter(([n]) => !n.startsWith('TSKC_'));
    const documented = rows('call');
    expect(documented.map(([n, v]) => `${n} ${v}`), `docs/syscall-abi.md: the table of numbers`).toEqual(real.map(([n, v]) => `${n.toLowerCase()} ${v}`));
  });

  it('gives every errno of kernel/syscall/numbers.ts its value', () => {
    const start = numbers.indexOf('// errno values');
    const real = constants(/export const (E\w+): i64 = (\d+);/g).filter(([n]) => numbers.indexOf(`const ${n}:`) > start);
    const documented = rows('errno');
    expect(documented.map(([n, v]) => `${n} ${v}`), `docs/syscall-abi.md: the table of errno values`).toEqual(real.map(([n, v]) => `${n} ${v}`));
  });
});
