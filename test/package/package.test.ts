// tskc as a new user gets it: `npm pack` makes the tarball (prepack builds
// dist/), which is installed into an empty directory outside the repository.
// There, with nothing from this checkout, the installed tskc builds and runs
// a hello program for Linux, reports a mistyped program readably, explains a
// code, and `create-tskc` (the initializer, `tskc init`) scaffolds a kernel
// project whose own `npm test` type-checks, builds and boots it headless,
// and whose editor (tsserver) gets tskc's diagnostics from the plugin.
// npm installs from its cache (`--prefer-offline`): bootstrap's `npm ci`
// filled it with the same dependency versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { hangLimit } from '../harness/timing.js';
import { TsServer } from '../editor/tsserver.js';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'tskc-package-'));
const app = join(work, 'app');
const project = join(work, 'my-kernel');

/** The environment without the npm_* variables of the `npm test` around us, as a user's shell has it. */
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const run = (cmd: string, args: string[], cwd: string) =>
  execa(cmd, args, { cwd, env: { ...env, NO_COLOR: '1' }, extendEnv: false, reject: false, all: true });
const npmInstall = (tarball: string, cwd: string) =>
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], cwd);

let tarball = '';

beforeAll(async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', work], root);
  expect(packed.exitCode, packed.all).toBe(0);
  const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, info[0]!.filename);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
  const installed = await npmInstall(tarball, app);
  expect(installed.exitCode, installed.all).toBe(0);
}, hangLimit(240_000));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the built compiler, the runtime, the kernel library and the docs, not the compiler sources', async () => {
    const listed = await run('tar', ['tzf', tarball], work);
    const files = listed.stdout.split('\n');
    for (const f of ['dist/compiler/cli/main.js', 'compiler/bin/tskc.js', 'compiler/bin/create-tskc.js', 'runtime/lib/core.d.ts',
      'runtime/tsconfig/kernel.json', 'runtime/tsconfig/user.json', 'kernel/kernel.ld', 'boot/stage1.asm', 'docs/language.md',
      'compiler/init/template/kernel/main.ts', 'plugin/index.js', 'dist/compiler/plugin/plugin.js']) {
      expect(files, f).toContain(`package/${f}`);
    }
    expect(files.filter((f) => /^package\/compiler\/(?!init\/template\/).*\.ts$/.test(f))).toEqual([]);
    expect(lstatSync(join(app, 'node_modules', 'tskc')).isSymbolicLink()).toBe(false);
  });

  it('builds and runs a hello program for Linux, and words a machine-type mistake readably', async () => {
    writeFileSync(join(app, 'hello.ts'), `console.log('hello from an installed tskc');\n`);
    const built = await run('npx', ['tskc', 'build', 'hello.ts', '--target', 'linux', '-o', 'hello'], app);
    expect(built.exitCode, built.all).toBe(0);
    expect((await run('./hello', [], app)).stdout).toBe('hello from an installed tskc');
    writeFileSync(join(app, 'bad.ts'), `const a: i32 = 1;\nconst b: u8 = a;\n`);
    const bad = await run('npx', ['tskc', 'check', 'bad.ts'], app);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.ts\(2,7\): error TSK1008: cannot use an i32 where a u8 is expected; convert with u8\(x\)/m);
    const explained = await run('npx', ['tskc', 'explain', 'TSK1008'], app);
    expect(explained.stdout).toMatch(/^TSK1008: a value used where another type is required/);
  });

  it('scaffolds a kernel project whose own npm test boots it and runs its ring-3 program', async () => {
    const created = await run('npx', ['create-tskc', project], app);
    expect(created.exitCode, created.all).toBe(0);
    expect(created.stdout).toMatch(/created my-kernel/);
    expect(existsSync(join(project, '.gitignore'))).toBe(true);
    const installed = await npmInstall(tarball, project);
    expect(installed.exitCode, installed.all).toBe(0);
    const tested = await run('npm', ['test'], project);
    expect(tested.exitCode, tested.all).toBe(0);
    expect(tested.all).toMatch(/# pass 1/);
    expect(existsSync(join(project, 'build', 'disk.img'))).toBe(true);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies.tskc).toMatch(/tskc-.*\.tgz$/);
  }, hangLimit(240_000));

  it("gives the project's editor tskc's diagnostics through the installed plugin", async () => {
    writeFileSync(join(project, 'kernel', 'mix.ts'), `export function low(x: u32): u8 {\n  return x;\n}\n`);
    const server = new TsServer(project, join(project, 'node_modules', 'typescript'));
    try {
      const main = await server.diagnostics(join(project, 'kernel', 'main.ts'));
      expect(main.map((d) => `${d.start.line}:${d.start.offset} ${d.text}`), readFileSync(server.logFile, 'utf8').slice(-3000)).toEqual([]);
      expect((await server.diagnostics(join(project, 'kernel', 'mix.ts'))).map((d) => d.text))
        .toEqual(['TSK1008: cannot use a u32 where a u8 is expected; convert with u8(x) (docs/language.md §3.3)']);
    } finally {
      server.close();
    }
  });
});
