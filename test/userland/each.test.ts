// Building several programs over one TypeScript program (compileEach,
// `tskc build --each`) gives each program exactly what a build of it alone
// gives: the user programs' objects (and their assembly) are byte-identical.
// The builds run in a child process on the built compiler (dist/, as
// test/harness/build.ts does): in the test worker they would block its
// event loop for minutes on a busy host, and vitest fails a run whose
// worker cannot answer its RPC for 60 s ("Timeout calling onTaskUpdate").
import { execa } from 'execa';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { userProgramSources } from '../../compiler/image/userland.js';
import { scratch } from '../compiler/programs.js';
import { hangLimit } from '../harness/timing.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PIPELINE = pathToFileURL(join(ROOT, 'dist', 'compiler', 'driver', 'pipeline.js')).href;

/** argv: the pipeline module, 'each' or 'alone', and the programs as JSON. */
const SCRIPT = `
const { compile, compileEach } = await import(process.argv[1]);
const programs = JSON.parse(process.argv[3]);
if (process.argv[2] === 'each') compileEach({ programs, target: 'user', emit: 'obj', debug: false });
else for (const p of programs) compile({ entries: [p.entry], output: p.output, target: 'user', emit: 'obj', debug: false });
`;

type Program = { entry: string; output: string };

const build = (mode: 'each' | 'alone', programs: Program[]) =>
  execa(process.execPath, ['--input-type=module', '-e', SCRIPT, PIPELINE, mode, JSON.stringify(programs)], { cwd: ROOT });

describe('compileEach', () => {
  it('builds every user program exactly as a build of that program alone does', async () => {
    const dir = scratch();
    const programs = userProgramSources(ROOT).map((p) => ({ entry: p.source, output: join(dir, `${p.name}.o`) }));
    expect(programs.length).toBeGreaterThan(2);
    await build('each', programs);
    const read = (p: Program): [Buffer, string] => [readFileSync(p.output), readFileSync(p.output.replace(/\.o$/, '.asm'), 'utf8')];
    const together = programs.map(read);
    // The same output paths, so that the object's file symbol (the .asm path) is the same too
    // (one after the other, each compile() a build of its own, as `tskc build` of each file would be).
    await build('alone', programs);
    for (const [i, p] of programs.entries()) {
      const [obj, asm] = read(p);
      expect(asm, p.entry).toBe(together[i]![1]);
      expect(obj.equals(together[i]![0]), p.entry).toBe(true);
    }
  }, hangLimit(300_000));
});
