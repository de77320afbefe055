// What a backquoted span of a doc names, and whether the tree has it; the
// rules are stated at the top of test/docs/names.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, type Span } from './docs.js';
import { declares, exists, files, glob, inCode } from './source.js';

export type Named =
  | { kind: 'path'; path: string }
  | { kind: 'name'; name: string; parts: string[] }
  | null;

const PATH = /^(\.\/)?[A-Za-z][\w.@*+-]*(\/[\w.@*+-]*)*$/;
const EXT = /\.(ts|js|md|asm|inc|ld|json)$/;
const NAME = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)(<[^()]*>)?(\(.*\))?$/;

export function classify(text: string): Named {
  if (PATH.test(text) && (text.includes('/') || EXT.test(text)) && !/^\d/.test(text)) return { kind: 'path', path: text };
  const m = NAME.exec(text);
  if (!m) return null;
  const name = m[1]!;
  const codeLike = m[3] !== undefined || name.includes('.') || name.includes('_') || /[a-z0-9][A-Z]/.test(name)
    || /^[A-Z][a-z0-9]+/.test(name) || /^[A-Z][A-Z0-9]{2,}$/.test(name);
  return codeLike ? { kind: 'name', name, parts: name.split('.') } : null;
}

/** Whether a path of a doc names something in the tree; `folder` is the folder of the table row it is in, if any. */
export function pathExists(path: string, folder?: string): boolean {
  if (path.startsWith('build/') || path.startsWith('node_modules/')) return true;
  if (path.startsWith('tskc/')) return packagePathExists(path);
  const bare = path.replace(/\/$/, '').replace(/^\.\/(.*?)(\.ts)?$/, '$1.ts'); // an import specifier: `./rtc-decode`
  if (exists(bare)) return true;
  if (folder && exists(folder + bare)) return true;
  const pattern = bare.replace(/\b[A-Z][A-Z0-9]+\b/g, '*');
  const matches = pattern.includes('*') ? glob(pattern).concat(glob(`**/${pattern}`)) : [];
  if (matches.length > 0) return true;
  return files().some((f) => f.endsWith(`/${bare}`) || f.includes(`/${bare}/`));
}

/**
 * A specifier of the npm package (`tskc/tsconfig/kernel.json`, `tskc/plugin`,
 * `tskc/kernel/…`): an entry of package.json's exports, or, for the kernel
 * library the compiler maps to kernel/ (TS_OPTIONS), a path under kernel/.
 */
function packagePathExists(path: string): boolean {
  const exportsMap = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports?: Record<string, string> }).exports ?? {};
  const sub = `.${path.slice('tskc'.length)}`;
  if (exportsMap[sub] !== undefined) return exists(exportsMap[sub]!.replace(/^\.\//, ''));
  return path.startsWith('tskc/kernel/') && pathExists(path.slice('tskc/'.length).replace(/…$/, ''));
}

/** The one tree file a path of a doc names (as `pathExists` resolves it), or null. */
export function resolveFile(path: string, folder?: string): string | null {
  if (exists(path)) return path;
  if (folder && exists(folder + path)) return folder + path;
  const tails = files().filter((f) => f.endsWith(`/${path}`));
  return tails.length === 1 ? tails[0]! : null;
}

/** The file a sentence binds a name span to: "`NAME` (`FILE`)", "`NAME` in `FILE`", "(`FILE` `NAME`)". */
export function boundFile(span: Span): string | null {
  const after = span.context.slice(span.at + span.text.length + 2);
  const before = span.context.slice(0, span.at);
  const m = /^ (?:\(|in )`([^`]+)`/.exec(after) ?? /\(`([^`]+)` $/.exec(before);
  if (!m) return null;
  const target = classify(m[1]!);
  return target?.kind === 'path' && /\.(ts|asm|inc|ld)$/.test(target.path) ? target.path : null;
}

/** What is wrong with a name span, or null: a part no code has, or a bound file that does not declare it. */
export function nameProblem(span: Span, name: string, parts: string[]): string | null {
  // A system call's name (`clock_getres`) is in the code as its number's constant (SYS_CLOCK_GETRES).
  const missing = parts.filter((p) => !inCode(p) && !inCode(`SYS_${p.toUpperCase()}`));
  if (missing.length > 0) return `\`${name}\`: no source file's code has ${missing.map((p) => `\`${p}\``).join(', ')}`;
  const bound = boundFile(span);
  if (!bound) return null;
  const file = resolveFile(bound);
  if (!file) return null; // the path check reports it
  return declares(file, parts[0]!) ? null : `\`${name}\` is not declared in ${file}, the file the sentence names`;
}
