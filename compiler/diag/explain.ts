// `tskc explain TSKnnnn`: the rule behind a diagnostic code, read from
// docs/language.md (the one source): the code's row of the §10 table and its
// entry in §10.1, a paragraph with a wrong and a right example.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Example {
  kind: 'wrong' | 'right';
  /** `kernel` compiles it for the kernel target; `sketch` is not compiled (a shell line, an elided program). */
  args: string[];
  lang: string;
  code: string;
}

export interface Explanation {
  code: string;
  /** The §10 table's row for the code. */
  rule: string;
  /** The paragraphs of the §10.1 entry. */
  text: string;
  examples: Example[];
}

const MARKER = /^<!-- example: (wrong|right)((?: [\w-]+)*) -->$/;

/** Every explanation of a docs/language.md text, by code. */
export function parseExplanations(markdown: string): Map<string, Explanation> {
  const lines = markdown.split('\n');
  const rules = new Map<string, string>();
  for (const l of lines) {
    const row = /^\| (TSK\d{4}) \| (.*) \|$/.exec(l);
    if (row) rules.set(row[1]!, row[2]!);
  }
  const out = new Map<string, Explanation>();
  let current: Explanation | null = null;
  const prose: string[] = [];
  const finish = (): void => {
    if (current) current.text = prose.join('\n').trim().replace(/\n{3,}/g, '\n\n');
    prose.length = 0;
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const head = /^#### (TSK\d{4})$/.exec(l);
    if (head) {
      finish();
      current = { code: head[1]!, rule: rules.get(head[1]!) ?? '', text: '', examples: [] };
      out.set(current.code, current);
      continue;
    }
    if (/^#{1,4} /.test(l)) {
      finish();
      continue;
    }
    if (!current) continue;
    const m = MARKER.exec(l.trim());
    if (m) {
      let j = i + 1;
      while (lines[j]?.trim() === '') j++;
      const fence = /^```(\w*)$/.exec(lines[j] ?? '');
      if (!fence) continue;
      const end = lines.findIndex((x, k) => k > j && x === '```');
      const code = lines.slice(j + 1, end < 0 ? lines.length : end).join('\n');
      (current as Explanation).examples.push({ kind: m[1] as 'wrong' | 'right', args: m[2]!.trim().split(' ').filter(Boolean), lang: fence[1]!, code });
      i = end < 0 ? lines.length : end;
      continue;
    }
    prose.push(l);
  }
  finish();
  return out;
}

/** The explanations of the docs/language.md under `root`. */
export function loadExplanations(root: string): Map<string, Explanation> {
  return parseExplanations(readFileSync(join(root, 'docs', 'language.md'), 'utf8'));
}

/** `1003`, `tsk1003`, `TSK1003` → `TSK1003`. */
export function normalizeCode(arg: string): string {
  const t = arg.trim().toUpperCase();
  return /^\d{4}$/.test(t) ? `TSK${t}` : t;
}

/** The text `tskc explain` prints for one explanation. */
export function formatExplanation(e: Explanation): string {
  const indent = (s: string): string => s.split('\n').map((l) => (l ? `    ${l}` : l)).join('\n');
  const parts = [`${e.code}: ${e.rule}`, '', e.text];
  for (const x of e.examples) {
    const where = x.args.includes('kernel') ? ' (target kernel)' : '';
    parts.push('', `${x.kind === 'wrong' ? `Wrong, rejected with ${e.code}` : 'Right'}${where}:`, '', indent(x.code));
  }
  const sections = [...e.rule.matchAll(/§([\d.]+)/g)].map((m) => `§${m[1]}`);
  parts.push('', `The rule: docs/language.md ${sections.length ? sections.join(', ') : '§10'}; this entry: §10.1.`);
  return parts.join('\n') + '\n';
}
