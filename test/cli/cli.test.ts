// The tskc command line as users run it: build, run, check, diagnostics.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

const root = join(import.meta.dirname, '..', '..');
const tskc = (args: string[], cwd = root) =>
  execa(process.execPath, [join(root, 'compiler', 'bin', 'tskc.js'), ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });

function program(source: string, name = 'prog.ts'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-cli-'));
  const file = join(dir, name);
  writeFileSync(file, source);
  return { dir, file };
}

describe('tskc CLI', () => {
  it('builds a static Linux executable that prints what console.log says', async () => {
    const { dir, file } = program(`console.log('hello', 42, true);\n`);
    const out = join(dir, 'hello');
    const r = await tskc(['build', file, '--target', 'linux', '-o', out]);
    expect(r.exitCode).toBe(0);
    const run = await execa(out);
    expect(run.stdout).toBe('hello 42 true');
    const file_ = await execa('file', [out], { reject: false });
    if (file_.exitCode === 0) expect(file_.stdout).toMatch(/statically linked/);
  });

  it('runs a program with tskc run and passes on its exit status', async () => {
    const { file } = program(`console.log('running');\nprocess.exit(7);\n`);
    const r = await tskc(['run', file]);
    expect(r.stdout).toBe('running');
    expect(r.exitCode).toBe(7);
  });

  it('reports an unsupported construct tsc-style, with exit code 1 and no stack trace', async () => {
    const { dir } = program(`let ok: i32 = 1;\nconst f = (x: i32): i32 => x + ok;\n`, 'bad.ts');
    const r = await tskc(['build', 'bad.ts', '-o', 'bad'], dir);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^bad\.ts\(2,11\): error TSK1001: arrow functions \(closures\) are not supported by tskc; .*docs\/language\.md §9/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'bad'))).toBe(false);
  });

  it("reports TypeScript's own errors in the same format", async () => {
    const { dir } = program(`let a: u8 = 1;\nlet b: u32 = a;\nlet c: u32 = 'one';\n`, 'types.ts');
    const r = await tskc(['check', 'types.ts'], dir);
    expect(r.exitCode).toBe(1);
    // A mismatch of machine types in tskc's words (compiler/diag/brands.ts), any other as tsc has it.
    expect(r.stderr).toMatch(/^types\.ts\(2,5\): error TSK1008: cannot use a u8 where a u32 is expected; convert with u32\(x\)/m);
    expect(r.stderr).toMatch(/^types\.ts\(3,5\): error TS2322: Type 'string' is not assignable to type 'u32'/m);
    expect(r.stderr).not.toMatch(/__int/);
  });

  it('reports a missing input file without a stack trace', async () => {
    const r = await tskc(['build', 'no-such-file.ts']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/cannot find input file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('emits IR text and assembly on request', async () => {
    const { dir, file } = program(`function sq(x: i32): i32 { return x * x; }\nconsole.log(sq(9));\n`);
    const ir = await tskc(['build', file, '--emit', 'ir', '-o', join(dir, 'p.ir')]);
    expect(ir.exitCode).toBe(0);
    const asm = await tskc(['build', file, '--emit', 'asm', '-o', join(dir, 'p.asm'), '--timings']);
    expect(asm.exitCode).toBe(0);
    // --timings reports each stage that ran, and the total.
    for (const stage of ['frontend', 'sema', 'lower', 'passes', 'isel+regalloc+emit', 'total']) expect(asm.stderr).toContain(stage);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(dir, 'p.ir'), 'utf8')).toMatch(/function w \$sq\(w %x\.\d+\)/);
    expect(readFileSync(join(dir, 'p.asm'), 'utf8')).toMatch(/^\$sq:$/m);
    expect(existsSync(join(dir, 'p.asm.map'))).toBe(true);
  });

  it('prints its version and help', async () => {
    expect((await tskc(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await tskc(['--help']);
    for (const cmd of ['build', 'run', 'check', 'image']) expect(help.stdout).toContain(cmd);
  });
});
