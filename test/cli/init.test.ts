// `tskc init DIR` (compiler/init/init.ts): the project it writes carries its
// name and this tskc's version in place of the template's placeholders, and
// a directory that is not empty is refused with a message, not a stack trace.
// (test/package/ builds and boots such a project from the packed tarball.)
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

const root = join(import.meta.dirname, '..', '..');
const tskc = (args: string[], cwd: string) =>
  execa(process.execPath, [join(root, 'compiler', 'bin', 'tskc.js'), ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });

function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).sort().flatMap((n) => (statSync(join(dir, rel, n)).isDirectory() ? filesUnder(dir, join(rel, n)) : [join(rel, n)]));
}

describe('tskc init', () => {
  it('writes the template with the project name and version filled in', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tskc-init-'));
    const r = await tskc(['init', 'My Kernel'], cwd);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^tskc init: created my-kernel in My Kernel \(8 files\)$/m);
    const dir = join(cwd, 'My Kernel');
    expect(filesUnder(dir)).toEqual(['.gitignore', 'README.md', 'kernel/main.ts', 'kernel/tsconfig.json', 'package.json',
      'programs/hello.ts', 'programs/tsconfig.json', 'test/boot.test.mjs']);
    for (const f of filesUnder(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\{\{\w+\}\}/);
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; devDependencies: Record<string, string> };
    expect(pkg.name).toBe('my-kernel');
    expect(pkg.devDependencies.tskc).toBe(`^${version}`);
    expect(readFileSync(join(dir, 'kernel', 'main.ts'), 'utf8')).toContain("consoleWriteLine('my-kernel: hello from a kernel of my own');");
  });

  it('refuses a directory that is not empty', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tskc-init-'));
    mkdirSync(join(cwd, 'taken'));
    writeFileSync(join(cwd, 'taken', 'notes.txt'), 'mine\n');
    const r = await tskc(['init', 'taken'], cwd);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe("tskc: init: 'taken' exists and is not empty; name a new directory");
    expect(readdirSync(join(cwd, 'taken'))).toEqual(['notes.txt']);
  });
});
