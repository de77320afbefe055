// Code blocks, example output, command lines and source locations of the
// docs (README.md and docs/*.md).
//
// - Every fenced code block says what it is, in a comment on the line
//   above it: `<!-- excerpt: FILE -->` (quoted word for word from FILE:
//   excerpts.test.ts), `<!-- output: NAME TEST -->` (what a tool prints;
//   TEST produces it from the real build and calls expectDocOutput('NAME',
//   …), output.ts says how it is compared), `<!-- commands -->` (command
//   lines, checked as commands.ts says), `<!-- sketch -->` (a diagram, a
//   layout or a language example: not compared with anything) or
//   `<!-- example: wrong|right … -->` (a diagnostic code's example in
//   docs/language.md §10.1, compiled by test/cli/explain.test.ts).
// - The outputs this file can produce cheaply, it produces here: a tskc
//   diagnostic and the gdb command file. The kernel's outputs are compared
//   by the QEMU tests that boot it anyway.
// - Every source location an example or a backquoted span claims
//   (`FUNCTION at FILE.ts:LINE`) is true of the tree, as locations.ts says,
//   in sketches too.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEBUG_GDB_COMMANDS } from '../../compiler/cli/debug.js';
import { gdbScript } from '../../compiler/debug/gdb.js';
import { checkOnly } from '../../compiler/driver/check.js';
import { CompileError, formatDiagnostic } from '../../compiler/diag/diagnostic.js';
import { commandProblems } from './commands.js';
import { blocks, docs, root, spans, where } from './docs.js';
import { locationProblem, locations } from './locations.js';
import { expectDocOutput, outputBlocks } from './output.js';
import { exists } from './source.js';

const KINDS = ['excerpt', 'output', 'commands', 'sketch', 'example'];

describe.each(docs().map((d) => ({ name: d.name, d })))('$name', ({ d }) => {
  it('says what each code block is', () => {
    const unmarked = blocks(d).filter((b) => !KINDS.includes(b.marker?.kind ?? ''));
    const found = unmarked.map((b) => `${where(d, b.line)}: a code block without <!-- excerpt: FILE -->, <!-- output: NAME TEST -->, <!-- commands -->, <!-- sketch --> or <!-- example: … -->`);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('names for each output block a test that produces it', () => {
    const problems = blocks(d).filter((b) => b.marker?.kind === 'output').flatMap((b) => {
      const [name, test] = b.marker!.arg.split(/\s+/);
      if (!name || !test || !exists(test)) return [`${where(d, b.line)}: <!-- output: NAME TEST --> needs a name and an existing test file`];
      return readFileSync(join(root, test), 'utf8').includes(`'${name}'`) ? [] : [`${where(d, b.line)}: ${test} does not check '${name}'`];
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('writes only commands and options that exist', () => {
    const lines = [
      ...blocks(d).filter((b) => b.marker?.kind === 'commands').flatMap((b) => b.code.split('\n').map((l, i) => ({ line: b.line + 1 + i, text: l }))),
      ...spans(d).filter((s) => /^(npx tskc|npm|tskc) [-a-z]+(\s|$)/.test(s.text)).map((s) => ({ line: s.line, text: s.text })),
    ];
    const problems = lines.flatMap((l) => commandProblems(l.text).map((p) => `${where(d, l.line)}: ${p}`));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('claims only true source locations', () => {
    const claims = [
      ...blocks(d).filter((b) => b.marker?.kind !== 'excerpt').flatMap((b) => b.code.split('\n').map((l, i) => ({ line: b.line + 1 + i, text: l }))),
      ...spans(d).map((s) => ({ line: s.line, text: s.text })),
    ];
    const problems = claims.flatMap((c) => locations(c.text).flatMap((l) => {
      const p = locationProblem(l);
      return p ? [`${where(d, c.line)}: ${l.fn} at ${l.file}:${l.line}: ${p}`] : [];
    }));
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('outputs produced here', () => {
  it('a tskc diagnostic, as the CLI prints it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-docs-'));
    const file = join(dir, 'file.ts');
    writeFileSync(file, '// Errors look like tsc\'s.\n\nlet small: u8 = 300;\n');
    let printed = '';
    try {
      checkOnly([file], 'linux');
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      printed = e.diagnostics.map((x) => formatDiagnostic(x, { pretty: false, cwd: dir })).join('\n');
    }
    expectDocOutput('tskc-error', printed);
  });

  it('the gdb command file of tskc debug', () => {
    expectDocOutput('gdb-script', gdbScript({ elf: 'build/kernel.elf', remote: 'localhost:1234', commands: DEBUG_GDB_COMMANDS }));
  });

  it('the docs keep their real examples: the shell session, a user fault, a panic, symbolize, a diagnostic', () => {
    expect(outputBlocks().length).toBeGreaterThanOrEqual(6);
  });
});
