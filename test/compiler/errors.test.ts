// Every program in test/compiler/errors must be rejected with the
// diagnostic code and line its first line names (`// error: CODE @ LINE`),
// as a diagnostic, never a crash. `// target: kernel` compiles it for the
// kernel target (the default is linux).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { CompileError } from '../../compiler/diag/diagnostic.js';
import { header, scratch } from './programs.js';

const dir = join(import.meta.dirname, 'errors');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
// Each test blocks the worker while it compiles; yielding to the event loop first
// lets vitest's worker RPC answer (it times out after 60 s otherwise).
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function diagnosticsOf(file: string): { code: string; line: number; message: string }[] {
  const target = header(readFileSync(file, 'utf8'), 'target') === 'kernel' ? 'kernel' : 'linux';
  try {
    compile({ entries: [file], target, emit: 'asm', output: join(scratch(), 'x.asm'), debug: false });
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((d) => ({
      code: d.code,
      message: d.message,
      line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    }));
  }
  return [];
}

describe('programs tskc must reject', () => {
  it('has error programs', () => expect(files.length).toBeGreaterThanOrEqual(15));

  for (const f of files) {
    it(f, async () => {
      await yieldToEventLoop();
      const file = join(dir, f);
      const [code, line] = (header(readFileSync(file, 'utf8'), 'error') ?? '').split(' @ ');
      const diags = diagnosticsOf(file);
      expect(diags.map((d) => `${d.code} @ ${d.line}`)).toContain(`${code} @ ${line}`);
      // tskc's own rules cite the section of docs/language.md they enforce.
      for (const d of diags.filter((x) => x.code.startsWith('TSK'))) expect(d.message).toMatch(/docs\/language\.md §\d/);
    });
  }
});

describe('CompileError', () => {
  it('carries the diagnostics in its message, for callers that only show messages', () => {
    const file = join(dir, files[0]!);
    const [code, line] = (header(readFileSync(file, 'utf8'), 'error') ?? '').split(' @ ');
    let message = '';
    try {
      compile({ entries: [file], target: 'linux', emit: 'asm', output: join(scratch(), 'y.asm'), debug: false });
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      message = e.message;
    }
    expect(message).toMatch(/^\d+ error\(s\)\n/);
    expect(message).toMatch(new RegExp(`${files[0]!.replace('.', '\\.')}\\(${line},\\d+\\): error ${code}: `));
  });
});
