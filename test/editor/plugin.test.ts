// The editor plugin through a real tsserver: a project whose tsconfig
// extends tskc's kernel preset and names `tskc/plugin`, as a user's would,
// with the package installed as node_modules/tskc. Opening a file over the
// protocol must give tskc's diagnostics: the subset's rules (TSK codes) and
// machine-type mismatches in tskc's words, never the brands' `__int`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOnly } from '../../compiler/driver/check.js';
import { CompileError } from '../../compiler/diag/diagnostic.js';
import { TsServer } from './tsserver.js';
import { hangLimit } from '../harness/timing.js';
import type { ServerDiagnostic } from './tsserver.js';

const root = join(import.meta.dirname, '..', '..');
const project = mkdtempSync(join(tmpdir(), 'tskc-editor-'));
let server: TsServer;

function source(name: string, text: string): string {
  const file = join(project, 'kernel', name);
  writeFileSync(file, text);
  return file;
}

/** What `tskc check --target kernel` reports for the file, in the same form. */
function checked(file: string): string[] {
  try {
    checkOnly([file], 'kernel');
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((d) => {
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start!);
      return `${line + 1}:${character + 1} tskc(${d.code.slice(3)}) ${d.code}: ${d.message}`;
    });
  }
  return [];
}

const show = (ds: ServerDiagnostic[]): string[] => ds.map((d) => `${d.start.line}:${d.start.offset} ${d.source ?? 'ts'}(${d.code}) ${d.text}`);

beforeAll(() => {
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(root, join(project, 'node_modules', 'tskc'), 'dir');
  mkdirSync(join(project, 'kernel'));
  writeFileSync(join(project, 'kernel', 'tsconfig.json'), JSON.stringify({
    extends: 'tskc/tsconfig/kernel.json',
    compilerOptions: { plugins: [{ name: 'tskc/plugin' }] },
    include: ['**/*.ts'],
  }));
  server = new TsServer(project);
});

afterAll(() => {
  server.close();
  rmSync(project, { recursive: true, force: true });
});

describe('tskc/plugin in tsserver', () => {
  it('reports a construct outside the subset with the TSK codes tskc check gives', async () => {
    const file = source('closure.ts', `export function twice(x: u32): u32 {\n  const f = (y: u32): u32 => y + y;\n  return f(x);\n}\n`);
    const got = show(await server.diagnostics(file));
    const log = (): string => readFileSync(server.logFile, 'utf8').split('\n').filter((l) => /tskc|plugin/i.test(l)).join('\n');
    expect(got, log()).toContainEqual(expect.stringMatching(/^2:13 tskc\(1001\) TSK1001: arrow functions \(closures\) are not supported by tskc; .*docs\/language\.md §9\)$/));
    expect(got).toEqual(checked(file));
  });

  it('words a machine-type mismatch as tskc does, without the brand', async () => {
    const file = source('mix.ts', `export function low(x: u32): u8 {\n  const y: u8 = x;\n  return y;\n}\n`);
    const got = show(await server.diagnostics(file));
    expect(got).toEqual(['2:9 tskc(1008) TSK1008: cannot use a u32 where a u8 is expected; convert with u8(x) (docs/language.md §3.3)']);
    expect(got).toEqual(checked(file));
    expect(got.join('\n')).not.toMatch(/__int/);
  });

  it('leaves a file inside the subset without diagnostics, and follows edits', async () => {
    const file = source('fine.ts', `export function low(x: u32): u8 {\n  return u8(x);\n}\n`);
    expect(show(await server.diagnostics(file))).toEqual([]);
    await server.request('change', { file, line: 2, offset: 10, endLine: 2, endOffset: 15, insertString: 'x as u8' });
    expect(show((await server.request('semanticDiagnosticsSync', { file })) as ServerDiagnostic[]))
      .toEqual([expect.stringMatching(/^2:10 tskc\(1008\) TSK1008: .*u8\(x\)/)]);
  });

  it('works in an editor whose Node cannot require ES modules, once the plugin is imported', async () => {
    // As in a Node before 20.19: plugin/index.js imports the plugin asynchronously and asks for the diagnostics again.
    const old = new TsServer(project, undefined, ['--no-experimental-require-module']);
    try {
      const file = source('later.ts', `export function twice(x: u32): u32 {\n  const f = (y: u32): u32 => y + y;\n  return f(x);\n}\n`);
      await old.request('open', { file });
      // Asked again until the plugin is there (the limit only turns a hang into a failure).
      const limit = Date.now() + hangLimit(30_000);
      let got: string[] = [];
      while (!got.some((d) => d.includes('TSK1001')) && Date.now() < limit) {
        got = show((await old.request('semanticDiagnosticsSync', { file })) as ServerDiagnostic[]);
      }
      expect(got).toEqual(checked(file));
      expect(readFileSync(old.logFile, 'utf8')).toMatch(/tskc plugin: this Node cannot require ES modules; importing the plugin[^]*tskc plugin: loaded/);
    } finally {
      old.close();
    }
  });
});
