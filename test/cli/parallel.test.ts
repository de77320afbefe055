// A parallel `tskc build --each` (driver/parallel.ts): worker threads
// compile some of the programs, and what the build writes and reports is
// exactly what a serial build (--jobs 1) writes and reports.
import { describe, expect, it } from 'vitest';
import { root, sources, tskc } from './run.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';

/** Every file of `dir`, name → bytes. */
const contents = (dir: string): Map<string, Buffer> => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

const LIB = `export function twice(x: i32): i32 { return x * 2; }\nexport class Box { constructor(public v: i32) {} get(): i32 { return this.v; } }\n`;
const program = (k: number): string =>
  `import { twice, Box } from './lib.js';\nconst b = new Box(${k});\nfor (let i: i32 = 0; i < ${k}; i++) console.log(twice(b.get() + i));\n`;

describe('tskc build --each --jobs', () => {
  it('writes the same bytes with worker threads as one after another', async () => {
    const files: Record<string, string> = { 'lib.ts': LIB };
    for (let k = 1; k <= 6; k++) files[`p${k}.ts`] = program(k);
    const dir = sources(files);
    const entries = Object.keys(files).filter((f) => f !== 'lib.ts');
    // The same output directory both times: an object names its .asm file.
    const serial = await tskc(['build', '--each', '--jobs', '1', '--emit', 'obj', '--out-dir', 'out', '--timings', ...entries], dir);
    expect(serial.exitCode).toBe(0);
    expect(serial.stderr).not.toMatch(/frontend \(workers\)/);
    const one = contents(join(dir, 'out'));
    const par = await tskc(['build', '--each', '--jobs', '3', '--emit', 'obj', '--out-dir', 'out', '--timings', ...entries], dir);
    expect(par.exitCode).toBe(0);
    // The workers made frontends of their own: the build did run on them.
    expect(par.stderr).toMatch(/^ {2}frontend \(workers\) \(background\)\s+[\d.]+ ms$/m);
    const three = contents(join(dir, 'out'));
    expect([...three.keys()]).toEqual([...one.keys()]);
    expect(three.size).toBe(6 * 3); // .o, .asm, .asm.map
    for (const [name, bytes] of one) expect(three.get(name)!.equals(bytes), name).toBe(true);
  });

  it('reports the same diagnostics, in the same order, as a serial build', async () => {
    const dir = sources({
      'lib.ts': LIB,
      'badlib.ts': `export const g = (x: i32): i32 => x;\n`,
      'good.ts': program(2),
      'bad1.ts': `import { twice } from './lib.js';\nconst f = (x: i32): i32 => twice(x);\nconsole.log(twice(2));\n`,
      'u1.ts': `import { g } from './badlib.js';\nconsole.log(1);\n`,
      'bad2.ts': `export {};\nfunction h(): i32 { return 1; }\nconst k = function (): i32 { return h(); };\nconsole.log(h());\n`,
      'u2.ts': `import { g } from './badlib.js';\nconsole.log(2);\n`,
      'good2.ts': program(3),
    });
    const entries = ['good.ts', 'bad1.ts', 'u1.ts', 'bad2.ts', 'u2.ts', 'good2.ts'];
    const serial = await tskc(['build', '--each', '--jobs', '1', '--out-dir', 'out', ...entries], dir);
    const par = await tskc(['build', '--each', '--jobs', '4', '--out-dir', 'out', ...entries], dir);
    expect(serial.exitCode).toBe(1);
    expect(serial.stderr).toMatch(/Found 3 errors\./);
    expect(par.exitCode).toBe(1);
    expect(par.stderr).toBe(serial.stderr);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['good', 'good2']);
  });

  it('tells the caller of every program as it starts, whichever thread compiles it', async () => {
    const files: Record<string, string> = { 'lib.ts': LIB };
    for (let k = 1; k <= 5; k++) files[`p${k}.ts`] = program(k);
    const dir = sources(files);
    const script = `
      const { compileEach } = await import(process.argv[1]);
      const programs = [1, 2, 3, 4, 5].map((k) => ({ entry: 'p' + k + '.ts', output: 'out/p' + k }));
      const seen = [];
      compileEach({ programs, target: 'linux', emit: 'exe', debug: false, jobs: 3, onProgram: (i, n) => seen.push([i, n]) });
      console.log(JSON.stringify(seen.sort((a, b) => a[0] - b[0])));`;
    const pipeline = pathToFileURL(join(root, 'dist', 'compiler', 'driver', 'pipeline.js')).href;
    const r = await execa(process.execPath, ['--input-type=module', '-e', script, pipeline], { cwd: dir });
    expect(JSON.parse(r.stdout)).toEqual([0, 1, 2, 3, 4].map((i) => [i, 5]));
    expect((await execa(join(dir, 'out', 'p3'))).stdout).toBe('6\n8\n10');
  });

  it('takes a whole number of threads, for --each builds only', async () => {
    const dir = sources({ 'a.ts': `console.log(1);\n` });
    for (const [args, message] of [
      [['build', '--each', '--jobs', '0', 'a.ts'], /--jobs takes a whole number of threads, 1 or more, not '0'/],
      [['build', '--jobs', '2', 'a.ts'], /--jobs is for --each builds/],
    ] as [string[], RegExp][]) {
      const r = await tskc(args, dir);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });
});
