// A tiny checker for asm-text tests in the style of Go's test/codegen:
// comments `// asm: REGEX` and `// asm-not: REGEX` directly above a
// `function NAME` say that some instruction line of NAME's emitted code
// must (or no line may) match REGEX. The program is compiled for the target
// its `// target: NAME` header names (default linux) and assembled, so a
// line that nasm rejects fails the test too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import type { TargetName } from '../../compiler/target/target.js';
import { header, scratch } from '../compiler/programs.js';

export interface AsmCheck {
  func: string;
  line: number;
  want: boolean;
  pattern: RegExp;
}

/** The checks a source declares, each tied to the function below its comments. */
export function parseChecks(source: string): AsmCheck[] {
  const checks: AsmCheck[] = [];
  let pending: Omit<AsmCheck, 'func'>[] = [];
  source.split('\n').forEach((text, n) => {
    const c = /^\s*\/\/ asm(-not)?: (.+)$/.exec(text);
    if (c) {
      pending.push({ line: n + 1, want: !c[1], pattern: new RegExp(c[2].trim()) });
      return;
    }
    const f = /^\s*(?:export\s+)?function\s+([A-Za-z_$][\w$]*)/.exec(text);
    if (f) {
      for (const p of pending) checks.push({ ...p, func: f[1] });
      pending = [];
    } else if (text.trim() !== '' && !text.trim().startsWith('//') && !text.trim().startsWith('/**') && !text.trim().startsWith('*')) {
      pending = [];
    }
  });
  return checks;
}

/** Each function's instruction lines in NASM text (`$name:` up to `.end:`), labels and directives left out. */
export function functionBodies(asm: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const funcs = new Set([...asm.matchAll(/^global \$?([^\s:]+):function\b/gm)].map((m) => m[1]));
  let cur: string[] | null = null;
  for (const line of asm.split('\n')) {
    const head = /^\$?([^\s:]+):$/.exec(line);
    if (head && funcs.has(head[1])) out.set(head[1], (cur = []));
    else if (line === '.end:') cur = null;
    else if (cur && line.startsWith('    ')) cur.push(line.trim());
  }
  return out;
}

/** Compiles `file` and returns a failure message per unmet check (empty: all pass). */
export function runAsmChecks(file: string): { failures: string[]; count: number } {
  const source = readFileSync(file, 'utf8');
  const target = (header(source, 'target') ?? 'linux') as TargetName;
  const dir = scratch();
  // An object keeps its .asm beside it: assembled by nasm, and read here.
  compile({ entries: [file], target, emit: 'obj', output: join(dir, 'x.o'), debug: false, verifyIr: true });
  const bodies = functionBodies(readFileSync(join(dir, 'x.asm'), 'utf8'));
  const failures: string[] = [];
  const checks = parseChecks(source);
  for (const c of checks) {
    const body = bodies.get(c.func);
    if (!body) {
      failures.push(`line ${c.line}: no function $${c.func} in the output`);
      continue;
    }
    const hit = body.find((l) => c.pattern.test(l));
    if (c.want && !hit) failures.push(`line ${c.line}: ${c.func} has no instruction matching /${c.pattern.source}/:\n  ${body.join('\n  ')}`);
    if (!c.want && hit) failures.push(`line ${c.line}: ${c.func} has '${hit}', which matches the forbidden /${c.pattern.source}/`);
  }
  return { failures, count: checks.length };
}
