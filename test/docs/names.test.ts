// Every path, function and constant a doc names in backquotes exists in the
// tree (README.md and docs/*.md; code blocks are the other tests' business).
//
// - A *path* is a span without spaces, of path characters, starting with a
//   letter (or `./`), that contains a `/` or ends in .ts, .js, .md, .asm,
//   .inc, .ld or .json. It must be a file or folder of the tree: as
//   written, from the root; else inside the folder of the table row's
//   first cell; else as the tail of a tree path (`driver/pipeline.ts`,
//   `kstack.ts`). Upper-case words (`NAME`, `HASH`) and `*` are
//   placeholders that must match something; `./x` is an import of `x.ts`.
//   Paths under `build/` are build outputs and are not checked; `tskc/…`
//   is the npm package's specifier: an entry of package.json's exports or
//   the kernel library (`tskc/kernel/…`, kernel/).
// - A *name* is an identifier, dotted or not, with optional type arguments
//   and call parentheses (`compile()`, `Ptr<T>`, `spawn(line, len)`,
//   `Target.runtime`). It is checked when it reads as a code name: with
//   parentheses, dotted, with an underscore, camelCase, PascalCase, or all
//   capitals of three characters or more; plain words (`read`, `help`,
//   `iretq`) are not. Each part must be a word of some source file's code
//   (compiler/, runtime/, kernel/, userland/, boot/, test/ but test/docs/;
//   comments do not count); a system call's name (`clock_getres`) counts
//   as its number's constant (SYS_CLOCK_GETRES). When the sentence binds it to a file — "`NAME` (`FILE`)",
//   "`NAME` in `FILE`" or "(`FILE` `NAME`)" — FILE must declare its first
//   part (a function, class, type, variable, member, `@export` or a symbol
//   the file emits with `global`).
// - ALLOWED lists the few spans that name something outside the tree.
import { describe, expect, it } from 'vitest';
import { docs, spans, where } from './docs.js';
import { classify, nameProblem, pathExists } from './names.js';

/** Spans naming what is not in the tree on purpose: doc, text, and why. */
const ALLOWED: [string, string, string][] = [
  ['README.md', 'a.ts', 'an example file of a command line'],
  ['README.md', 'a.asm', 'an example file of a command line'],
  ['docs/architecture.md', 'ssa/compile.go', "Go's compiler, the model of the pass table"],
  ['docs/boot-sequence.md', 'ext_attributes', "the ACPI name of an E820 entry's field"],
  ['docs/debugging.md', 'FUNC', 'an ELF symbol type'],
  ['docs/debugging.md', 'function.L12', 'the shape of a row label'],
  ['docs/language.md', 'strictNullChecks', "TypeScript's option"],
  ['docs/performance.md', 'createRequire', "Node's API"],
  ['docs/syscall-abi.md', 'MAX_RW_COUNT', "Linux's name"],
  ['docs/syscall-abi.md', 'O_CREAT', "Linux's flag"],
  ['docs/syscall-abi.md', 'O_TRUNC', "Linux's flag"],
  ['docs/syscall-abi.md', 'MAP_POPULATE', "Linux's flag"],
  ['docs/syscall-abi.md', 'MAP_LOCKED', "Linux's flag"],
];

const allowed = (doc: string, text: string): boolean => ALLOWED.some(([d, t]) => d === doc && t === text);

describe.each(docs().map((d) => ({ name: d.name, d })))('$name', ({ d }) => {
  const named = spans(d).filter((s) => !allowed(d.name, s.text)).map((s) => ({ s, c: classify(s.text) }));

  it('names only paths that exist', () => {
    const missing = named.flatMap(({ s, c }) => {
      if (c?.kind !== 'path') return [];
      const folder = s.context.startsWith('|') ? /^\|\s*`([\w/.-]+\/)[^`/]*`/.exec(s.context)?.[1] : undefined;
      return pathExists(c.path, folder) ? [] : [`${where(d, s.line)}: \`${c.path}\` is no file or folder of the tree`];
    });
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it('names only functions, constants and types that exist', () => {
    const missing = named.flatMap(({ s, c }) => {
      const problem = c?.kind === 'name' ? nameProblem(s, c.name, c.parts) : null;
      return problem ? [`${where(d, s.line)}: ${problem}`] : [];
    });
    expect(missing, missing.join('\n')).toEqual([]);
  });
});

it('allows only spans the docs still have', () => {
  const unused = ALLOWED.filter(([doc, text]) => !docs().some((d) => d.name === doc && spans(d).some((s) => s.text === text)));
  expect(unused).toEqual([]);
});
