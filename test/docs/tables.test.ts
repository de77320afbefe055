// The tables of the docs against the tree and the code they describe.
//
// - A table marked `<!-- files: DIR… -->` must name every source file
//   (.ts, .js, .asm, .inc, .ld) under each DIR, at any depth: in backquotes,
//   as a path from the root or as a name inside a folder its row names
//   (`main.ts` in the `compiler/cli/` row), or the folder of its row's
//   first cell (`true.ts` in the `userland/programs/repeat.ts` row).
// - A table marked `<!-- folders: DIR -->` must have a row whose first
//   cell names each folder and file right under DIR (or a folder above or
//   below it).
// - Every path a table names exists: test/docs/names.test.ts checks it
//   with all other backquoted paths.
// - The diagnostic codes of docs/language.md §10 are those of
//   compiler/diag/codes.ts, each citing the section codes.ts gives it, and
//   that section mentions the code.
// - The init steps of docs/boot-sequence.md are kernel/main.ts's: each
//   marker with the calls main.ts makes before printing it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAG_CODES } from '../../compiler/diag/codes.js';
import { doc, docs, quoted, root, tables, where, type Table } from './docs.js';
import { files } from './source.js';

const SOURCE = /\.(ts|js|asm|inc|ld)$/;

/** The files of the tree a table names: each backquoted path, from the root or from its row's folders (its first cell's, and every folder it names). */
function named(t: Table): Set<string> {
  const out = new Set<string>();
  const tree = new Set(files());
  for (const r of t.rows) {
    const folders = [...quoted(r.cells[0] ?? '').map((p) => p.replace(/[^/]*$/, '')), ...r.cells.flatMap(quoted).filter((p) => p.endsWith('/'))];
    for (const p of r.cells.flatMap(quoted)) {
      for (const f of [p, ...folders.map((d) => d + p)]) if (tree.has(f)) out.add(f);
    }
  }
  return out;
}

const marked = docs().flatMap(tables).filter((t) => t.marker && ['files', 'folders'].includes(t.marker.kind));

describe('file tables', () => {
  it('architecture.md and processes.md mark their file tables', () => {
    const count = (name: string): number => marked.filter((t) => t.doc.name === name).length;
    expect(count('docs/architecture.md')).toBeGreaterThanOrEqual(5);
    expect(count('docs/processes.md')).toBeGreaterThanOrEqual(1);
  });

  it.each(marked.filter((t) => t.marker!.kind === 'files').map((t) => ({ at: where(t.doc, t.line), t })))('$at names every file of its folders', ({ t }) => {
    const names = named(t);
    const missing = t.marker!.arg.split(/\s+/).flatMap((dir) => files().filter((f) => f.startsWith(dir) && SOURCE.test(f) && !names.has(f)));
    expect(missing, `${where(t.doc, t.line)}: the table (<!-- files: ${t.marker!.arg} -->) does not name ${missing.join(', ')}`).toEqual([]);
  });

  it.each(marked.filter((t) => t.marker!.kind === 'folders').map((t) => ({ at: where(t.doc, t.line), t })))('$at has a row for every entry of its folder', ({ t }) => {
    const dir = t.marker!.arg;
    const rows = t.rows.flatMap((r) => quoted(r.cells[0] ?? ''));
    const entries = [...new Set(files().filter((f) => f.startsWith(dir)).map((f) => dir + f.slice(dir.length).replace(/\/.*/, '/')))];
    const covers = (r: string, e: string): boolean => e === r || e.startsWith(r.endsWith('/') ? r : `${r}/`) || (e.endsWith('/') && r.startsWith(e));
    const missing = entries.filter((e) => !rows.some((r) => covers(r, e)) && (e.endsWith('/') || SOURCE.test(e)));
    expect(missing, `${where(t.doc, t.line)}: the table (<!-- folders: ${dir} -->) has no row for ${missing.join(', ')}`).toEqual([]);
  });
});

describe('docs/language.md §10', () => {
  const language = doc('docs/language.md');
  const table = tables(language).find((t) => t.rows.some((r) => r.cells[0] === 'TSK1001'))!;
  const rows = table.rows.filter((r) => /^TSK\d+$/.test(r.cells[0]!));

  it('lists exactly the codes of compiler/diag/codes.ts', () => {
    expect(rows.map((r) => r.cells[0])).toEqual(Object.keys(DIAG_CODES));
  });

  it('cites for each code the section codes.ts gives it, a section that mentions the code', () => {
    const sectionText = (s: string): string => {
      const start = language.lines.findIndex((l) => new RegExp(`^#{2,3} ${s.replace('.', '\\.')}\\.? `).test(l));
      const end = language.lines.findIndex((l, i) => i > start && /^#{2,3} \d/.test(l) && !new RegExp(`^#{2,3} ${s.replace('.', '\\.')}\\.`).test(l));
      return start < 0 ? '' : language.lines.slice(start, end).join('\n');
    };
    for (const r of rows) {
      const code = r.cells[0] as keyof typeof DIAG_CODES;
      const section = DIAG_CODES[code]?.section;
      if (!section) continue;
      const cited = [...r.cells[1]!.matchAll(/§(\d+(?:\.\d+)*)/g)].map((m) => m[1]);
      expect(cited, `${where(language, r.line)}: ${code} is §${section} in compiler/diag/codes.ts`).toContain(section);
      expect(sectionText(section), `${where(language, r.line)}: §${section} does not mention ${code}`).toContain(code);
    }
  });
});

describe('docs/boot-sequence.md init steps', () => {
  /** The init steps of kernel/main.ts: the marker each ok('…') prints, with the calls since the previous one. */
  function steps(): { marker: string; calls: string[] }[] {
    const out: { marker: string; calls: string[] }[] = [];
    let calls: string[] = [];
    for (const l of readFileSync(join(root, 'kernel/main.ts'), 'utf8').split('\n')) {
      const ok = /^ok\('([^'\\]*?) ?(?:\\n)?'\);/.exec(l);
      if (ok) {
        out.push({ marker: `[ok] ${ok[1]}`, calls });
        calls = [];
      } else if (/^\w+\(/.test(l)) calls.push(/^(\w+)\(/.exec(l)![1]!);
    }
    return out;
  }

  it('lists every step of kernel/main.ts in order, with the calls that make it', () => {
    const boot = doc('docs/boot-sequence.md');
    const table = tables(boot).find((t) => t.rows.some((r) => r.cells[0] === '`[ok] serial`'))!;
    const documented = table.rows.map((r) => ({
      line: r.line,
      marker: quoted(r.cells[0]!)[0]!.replace(/ …$/, ''),
      calls: quoted(r.cells[1]!).flatMap((c) => [...c.matchAll(/(\w+)\(/g)].map((m) => m[1]!)),
    }));
    const real = steps();
    expect(documented.map((s) => s.marker), `${where(boot, table.line)}: the markers`).toEqual(real.map((s) => s.marker));
    documented.forEach((s, i) => {
      const calls = real[i]!.calls.filter((c) => !['vgaWriteAt', 'writeTime', 'consoleWrite'].includes(c)); // the title and the time are printing
      expect(s.calls, `${where(boot, s.line)}: ${s.marker} is made by ${calls.join(', ')} in kernel/main.ts`).toEqual(calls);
    });
  });
});
