// Building several programs over one TypeScript program (compileEach,
// `tskc build --each`) gives each program exactly what a build of it alone
// gives: the user programs' objects (and their assembly) are byte-identical.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, compileEach } from '../../compiler/driver/pipeline.js';
import { userProgramSources } from '../../compiler/image/userland.js';
import { scratch } from '../compiler/programs.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('compileEach', () => {
  it('builds every user program exactly as a build of that program alone does', () => {
    const dir = scratch();
    const programs = userProgramSources(ROOT).map((p) => ({ entry: p.source, output: join(dir, `${p.name}.o`) }));
    expect(programs.length).toBeGreaterThan(2);
    compileEach({ programs, target: 'user', emit: 'obj', debug: false });
    const read = (p: { output: string }): [Buffer, string] =>
      [readFileSync(p.output), readFileSync(p.output.replace(/\.o$/, '.asm'), 'utf8')];
    const together = programs.map(read);
    // The same output paths, so that the object's file symbol (the .asm path) is the same too.
    for (const [i, p] of programs.entries()) {
      compile({ entries: [p.entry], output: p.output, target: 'user', emit: 'obj', debug: false });
      const [obj, asm] = read(p);
      expect(asm, p.entry).toBe(together[i][1]);
      expect(obj.equals(together[i][0]), p.entry).toBe(true);
    }
  }, 300_000);
});
