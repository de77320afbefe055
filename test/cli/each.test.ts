// `tskc build --each`: several programs from one command, each named after
// its file in --out-dir, with diagnostics naming the file they are about.
import { describe, expect, it } from 'vitest';
import { sources, tskc } from './run.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';

const LIB = `export function twice(x: i32): i32 { return x * 2; }\n`;

describe('tskc build --each', () => {
  it('writes one executable per file into --out-dir, each its own program', async () => {
    const dir = sources({
      'lib.ts': LIB,
      'a.ts': `import { twice } from './lib.js';\nconst n: i32 = twice(21);\nconsole.log('a', n);\n`,
      'b.ts': `import { twice } from './lib.js';\nconst n: i32 = twice(2);\nconsole.log('b', n);\nprocess.exit(3);\n`,
    });
    const r = await tskc(['build', '--each', 'a.ts', 'b.ts', '--out-dir', 'out', '--timings'], dir);
    expect(r.stderr).toMatch(/^ {2}frontend\s+[\d.]+ ms$/m);
    // One row per stage, summed over the programs.
    expect(r.stderr.match(/^ {2}sema\s/gm)).toHaveLength(1);
    expect(r.exitCode).toBe(0);
    expect((await execa(join(dir, 'out', 'a'))).stdout).toBe('a 42');
    const b = await execa(join(dir, 'out', 'b'), { reject: false });
    expect([b.stdout, b.exitCode]).toEqual(['b 4', 3]);
  });

  it('reports an error in the file it is in, and still writes the programs without errors', async () => {
    const dir = sources({
      'lib.ts': LIB,
      'good.ts': `import { twice } from './lib.js';\nconsole.log(twice(1));\n`,
      'bad.ts': `import { twice } from './lib.js';\nconst f = (x: i32): i32 => twice(x);\nconsole.log(twice(2));\n`,
      'badlib.ts': `export const g = (x: i32): i32 => x;\n`,
      'u1.ts': `import { g } from './badlib.js';\nconsole.log(1);\n`,
      'u2.ts': `import { g } from './badlib.js';\nconsole.log(2);\n`,
      'worse.ts': `import { twice } from './lib.js';\nlet a: u8 = 1;\nlet b: u32 = 'one';\nconsole.log(twice(b));\n`,
    });
    const bad = await tskc(['build', '--each', 'good.ts', 'bad.ts', '--out-dir', 'out'], dir);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.ts\(2,11\): error TSK1001: arrow functions/m);
    expect(bad.stderr).toMatch(/Found 1 error\./);
    expect(existsSync(join(dir, 'out', 'good'))).toBe(true);
    expect(existsSync(join(dir, 'out', 'bad'))).toBe(false);
    // An error in a file two programs import is reported once, at that file.
    const shared = await tskc(['build', '--each', 'u1.ts', 'u2.ts', '--out-dir', 'out'], dir);
    expect(shared.exitCode).toBe(1);
    expect(shared.stderr).toMatch(/^badlib\.ts\(1,18\): error TSK1001: arrow functions/m);
    expect(shared.stderr).toMatch(/Found 1 error\./);
    // TypeScript's errors stop the whole build, as they stop tsc.
    const ts = await tskc(['build', '--each', 'good.ts', 'worse.ts', '--out-dir', 'out2'], dir);
    expect(ts.exitCode).toBe(1);
    expect(ts.stderr).toMatch(/^worse\.ts\(3,5\): error TS2322/m);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('refuses a script entry whose declarations the other entries would see', async () => {
    const dir = sources({ 's.ts': `const x: i32 = 1;\nconsole.log(x);\n`, 't.ts': `console.log(2);\n`, 'm.ts': `export {};\nconst x: i32 = 3;\nconsole.log(x);\n` });
    const r = await tskc(['build', '--each', 's.ts', 't.ts', 'm.ts', '--out-dir', 'out'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^s\.ts\(1,1\): error TSK1100: 'x' is global: .*add 'export \{\};'/m);
    expect(r.stderr).toMatch(/Found 1 error\./);
    // Alone, the same script is a program like any other.
    expect((await tskc(['build', '--each', 's.ts', '--out-dir', 'out'], dir)).exitCode).toBe(0);
  });

  it('rejects -o, --out-dir without --each, and two files with one output name', async () => {
    const dir = sources({ 'a.ts': `console.log(1);\n` });
    const cases: [string[], RegExp][] = [
      [['build', '--each', 'a.ts', '-o', 'x'], /-o names one output; with --each, name the directory with --out-dir/],
      [['build', 'a.ts', '--out-dir', 'x'], /--out-dir is for --each builds/],
      [['build', '--each', 'a.ts', `${dir}/a.ts`], /'a\.ts' and '.*a\.ts' would both be written to 'a'/],
    ];
    for (const [args, message] of cases) {
      const r = await tskc(args, dir);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/error TSK1100: /);
      expect(r.stderr).toMatch(message);
    }
  });
});
