// The tree as the doc checks see it: the files git knows (tracked, or new
// and not ignored), the words of their code with comments left out, and
// the names each file declares.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './docs.js';

let tree: string[] | null = null;

/** Every file of the tree, relative to the root. */
export function files(): string[] {
  tree ??= execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\n').filter((f) => f !== '' && !f.startsWith('test/scratch/'));
  return tree;
}

/** Whether `path` is a file or a folder (`path/` or `path`) of the tree. */
export function exists(path: string): boolean {
  const dir = path.replace(/\/$/, '') + '/';
  return files().some((f) => f === path || f.startsWith(dir));
}

/** The files and folders matching a glob (`*` within a segment, `**` across segments). */
export function glob(pattern: string): string[] {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}(/|$)`);
  return files().filter((f) => re.test(f));
}

const SOURCE = /\.(ts|js|asm|inc|ld)$/;
const text = new Map<string, string>();

/** A source file's text with its comments blanked out (line breaks kept). */
export function code(file: string): string {
  let t = text.get(file);
  if (t === undefined) {
    t = readFileSync(join(root, file), 'utf8');
    t = /\.(asm|inc)$/.test(file)
      ? t.replace(/;.*$/gm, '')
      : t.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
    text.set(file, t);
  }
  return t;
}

/** The source files (TS, JS, NASM, linker scripts) under the tree's code folders. */
export function sources(): string[] {
  return files().filter((f) => SOURCE.test(f) && /^(compiler|runtime|kernel|userland|boot|test)\//.test(f));
}

let words: Set<string> | null = null;

/** Whether `name` is a word of some source file's code (comments do not count). */
export function inCode(name: string): boolean {
  if (!words) {
    words = new Set();
    // Not the doc checks themselves: the names they mention would pass by being mentioned.
    for (const f of sources().filter((x) => !x.startsWith('test/docs/'))) for (const m of code(f).matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
  }
  return words.has(name);
}

/** Whether `file` declares `name`: a function, class, interface, type, enum, variable, member, `@export` or asm/linker symbol. */
export function declares(file: string, name: string): boolean {
  const raw = readFileSync(join(root, file), 'utf8');
  const n = name.replace(/[$]/g, '\\$');
  const patterns = [
    `\\b(function|class|interface|type|enum|const|let|var|namespace)\\s+${n}\\b`,
    `^\\s*(?:(?:export|declare|public|private|protected|static|readonly|abstract|override|get|set)\\s+)*${n}[?!]?\\s*(<[^>]*>)?\\s*[(:=;,]`,
    `@export\\s+${n}\\b`,
    `\\bglobal\\s+${n}\\b`, // a symbol of the assembly a compiler file emits
    `^\\s*(%define\\s+)?${n}(:|\\s+equ\\b|\\s*=)`,
  ];
  return patterns.some((p) => new RegExp(p, 'm').test(/\.(ts|js)$/.test(file) ? raw : code(file)));
}
