// Every program in test/compiler/run is compiled for the linux target and
// run; its output must equal its `//=` lines, and (unless it says
// `// node: skip`) what Node prints for the same source. A subfolder is one
// program of several files, entered at its main.ts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAndRun, expectedOutput, header, runUnderNode } from './programs.js';

const dir = join(import.meta.dirname, 'run');
const files = readdirSync(dir, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? [join(e.name, 'main.ts')] : e.name.endsWith('.ts') ? [e.name] : []))
  .sort();
// Each test blocks the worker while it compiles and runs; yielding to the event
// loop first lets vitest's worker RPC answer (it times out after 60 s otherwise).
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('programs compiled with tskc', () => {
  it('has programs to run', () => expect(files.length).toBeGreaterThanOrEqual(10));

  for (const f of files) {
    it(f, async () => {
      await yieldToEventLoop();
      const file = join(dir, f);
      const source = readFileSync(file, 'utf8');
      const got = compileAndRun(file);
      expect(got.stdout).toBe(expectedOutput(source));
      expect(got.status).toBe(Number(header(source, 'exit') ?? 0));
      if (!header(source, 'node')?.startsWith('skip')) {
        const node = runUnderNode(file);
        expect(got.stdout).toBe(node.stdout);
      }
    });
  }
});
