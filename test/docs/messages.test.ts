// Messages the docs quote are messages the code prints.
//
// A backquoted span reads as a message when it starts with a lower-case
// prefix and a colon (`kfree: double free of a heap object`,
// `kernel: the shell exited; starting a new one`) or a bracketed tag
// (`[boot] kernel loaded`; not `[ok] …`, printed in coloured parts and
// checked by tables.test.ts), and is no declaration (`let x: u8 = 200`,
// `n: usize`). Its placeholders stand for anything: upper-case words
// (`NAME`, `N`, `0xNNNN`), numbers, `<words>` and `…`. Every other piece of it,
// from one placeholder to the next, must be in the string literals of the
// code under compiler/, runtime/, kernel/, userland/ or boot/: inside one,
// or as the end of one followed by the start (or all) of others, as a
// message printed in parts is (a template literal's text between its
// substitutions counts as literals).
// Tool names that are not ours (QEMU's `check_exception`) are in OTHERS.
import { describe, expect, it } from 'vitest';
import { docs, spans, where } from './docs.js';
import { code, sources } from './source.js';

/** Messages other programs print. */
const OTHERS = ['check_exception'];

let literals: string[] | null = null;

/** The text of every string literal of the code (template literals cut at their substitutions). */
function stringLiterals(): string[] {
  if (literals) return literals;
  literals = [];
  for (const f of sources().filter((x) => /^(compiler|runtime|kernel|userland|boot)\//.test(x))) {
    const text = code(f);
    for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
      const body = (m[1] ?? m[2] ?? m[3]!).replace(/\\n/g, '\n').replace(/\\(.)/g, '$1');
      literals.push(...(m[3] !== undefined ? body.split(/\$\{[^}]*\}/) : [body]));
    }
  }
  return literals;
}

/** The pieces of a message between its placeholders. */
function pieces(message: string): string[] {
  return message.split(/0x[A-Z]+\b|\b[A-Z][A-Z0-9]*\b|0x…|…|\b\d+\b|<[^>]*>/).map((p) => p.trim()).filter((p) => p.length >= 3);
}

/** Whether `piece` is inside a literal, or the end of one followed by what literals cover. */
function covered(piece: string, depth = 0): boolean {
  if (piece === '' || stringLiterals().some((l) => l.includes(piece))) return true;
  if (depth >= 4) return false;
  for (const l of stringLiterals()) {
    for (let k = Math.min(l.length, piece.length - 1); k >= 3; k--) {
      if (l.endsWith(piece.slice(0, k)) && covered(piece.slice(k), depth + 1)) return true;
    }
  }
  return false;
}

/** Whether a span is a quoted message. */
function isMessage(text: string): boolean {
  return (/^ *[a-z][\w .]*: \S.* /.test(text) || /^\[(?!ok\])[a-z]+\] \S/.test(text)) && !/=|^(let|const|declare|npx|npm|tskc) /.test(text) && !OTHERS.some((o) => text.startsWith(o));
}

describe.each(docs().map((d) => ({ name: d.name, d })))('$name', ({ d }) => {
  it('quotes only messages the code prints', () => {
    const problems = spans(d).filter((s) => isMessage(s.text)).flatMap((s) => {
      const missing = pieces(s.text).filter((p) => !covered(p));
      return missing.length ? [`${where(d, s.line)}: \`${s.text}\`: no string of the code has ${missing.map((p) => `"${p}"`).join(', ')}`] : [];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
