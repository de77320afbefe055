// The docs as the doc checks read them: README.md and every docs/*.md, cut
// into fenced code blocks (with the marker comment above each), backquoted
// spans outside the blocks (with the paragraph or table row around them),
// and tables (with the marker comment above each). Every finding is placed
// as `docs/NAME.md:LINE`, so a failure names the doc line to fix.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..');

export interface Doc {
  /** The path from the repository root: `README.md`, `docs/processes.md`. */
  name: string;
  lines: string[];
}

/** A fenced code block; `marker` is the `<!-- KIND: ARG -->` comment on the line above it, if any. */
export interface Block {
  doc: Doc;
  /** The 1-based line of the opening fence. */
  line: number;
  lang: string;
  marker: { kind: string; arg: string } | null;
  code: string;
}

/** A backquoted span outside code blocks, with the paragraph (or table row) it is in. */
export interface Span {
  doc: Doc;
  line: number;
  text: string;
  /** The paragraph or table row holding the span, lines joined by spaces. */
  context: string;
  /** Where the span starts in `context`. */
  at: number;
}

export interface Table {
  doc: Doc;
  line: number;
  marker: { kind: string; arg: string } | null;
  /** Body rows: the line and the cells, trimmed. */
  rows: { line: number; cells: string[] }[];
}

/** `docs/x.md:12`: where a finding is. */
export function where(doc: Doc, line: number): string {
  return `${doc.name}:${line}`;
}

let all: Doc[] | null = null;

/** README.md and docs/*.md. */
export function docs(): Doc[] {
  all ??= ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)]
    .map((name) => ({ name, lines: readFileSync(join(root, name), 'utf8').split('\n') }));
  return all;
}

export function doc(name: string): Doc {
  const d = docs().find((x) => x.name === name);
  if (!d) throw new Error(`no doc ${name}`);
  return d;
}

const MARKER = /^<!-- ([\w-]+)(?::\s*(.*?))? -->$/;

/** The marker comment on the last non-blank line before `index` (0-based), if that line is one. */
function markerBefore(lines: string[], index: number): { kind: string; arg: string } | null {
  let i = index - 1;
  while (i >= 0 && lines[i]!.trim() === '') i--;
  const m = i >= 0 ? MARKER.exec(lines[i]!.trim()) : null;
  return m ? { kind: m[1]!, arg: m[2] ?? '' } : null;
}

/** Whether line i (0-based) of the doc is inside a fenced block (fences included). */
function fenced(d: Doc): boolean[] {
  const inside: boolean[] = [];
  let open = false;
  for (const l of d.lines) {
    const fence = l.startsWith('```');
    inside.push(open || fence);
    if (fence) open = !open;
  }
  return inside;
}

export function blocks(d: Doc): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < d.lines.length; i++) {
    const m = /^```(\w*)$/.exec(d.lines[i]!);
    if (!m) continue;
    let j = i + 1;
    while (j < d.lines.length && !d.lines[j]!.startsWith('```')) j++;
    out.push({ doc: d, line: i + 1, lang: m[1]!, marker: markerBefore(d.lines, i), code: d.lines.slice(i + 1, j).join('\n') + '\n' });
    i = j;
  }
  return out;
}

/** Paragraphs and table rows outside code blocks: runs of lines, each a row on its own. */
function passages(d: Doc): { line: number; lines: string[] }[] {
  const inside = fenced(d);
  const out: { line: number; lines: string[] }[] = [];
  let cur: { line: number; lines: string[] } | null = null;
  d.lines.forEach((l, i) => {
    const row = l.startsWith('|');
    if (inside[i] || l.trim() === '' || row || l.startsWith('#') || /^(- |\d+\. )/.test(l)) cur = null;
    if (inside[i] || l.trim() === '') return;
    if (row || !cur) {
      cur = { line: i + 1, lines: [] };
      out.push(cur);
    }
    cur.lines.push(l);
    if (row) cur = null;
  });
  return out;
}

export function spans(d: Doc): Span[] {
  const out: Span[] = [];
  for (const p of passages(d)) {
    const context = p.lines.join(' ');
    const starts = p.lines.map((_, k) => p.lines.slice(0, k).join(' ').length + (k > 0 ? 1 : 0));
    for (const m of context.matchAll(/`` (.+?) ``|`([^`]+)`/g)) {
      let k = starts.length - 1;
      while (starts[k]! > m.index) k--;
      if (m[2] !== undefined) out.push({ doc: d, line: p.line + k, text: m[2], context, at: m.index });
    }
  }
  return out;
}

/** Splits a table row into trimmed cells (a `|` inside backquotes belongs to the cell). */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\||\|$/g, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

export function tables(d: Doc): Table[] {
  const out: Table[] = [];
  const inside = fenced(d);
  for (let i = 0; i + 1 < d.lines.length; i++) {
    if (inside[i] || !d.lines[i]!.startsWith('|') || !/^\|[-:| ]+\|$/.test(d.lines[i + 1]!)) continue;
    const t: Table = { doc: d, line: i + 1, marker: markerBefore(d.lines, i), rows: [] };
    for (i += 2; i < d.lines.length && d.lines[i]!.startsWith('|'); i++) t.rows.push({ line: i + 1, cells: cells(d.lines[i]!) });
    out.push(t);
  }
  return out;
}

/** The backquoted texts of a table cell or any other text. */
export function quoted(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}
