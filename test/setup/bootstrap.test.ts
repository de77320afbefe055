// Tests of compiler/setup/bootstrap.js: staleness checks against fake trees,
// tool lookup on a fake PATH, and a real tsc build of a tiny fake compiler.
// Nothing here runs apt-get or npm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import {
  buildCompilerIfStale,
  compilerStaleReason,
  debianPackagesFor,
  ensureTools,
  findMissingTools,
  findOnPath,
  isCompilerStale,
  sourceFingerprint,
  npmPackagesStaleReason,
  SetupError,
} from '../../compiler/setup/bootstrap.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const temps: string[] = [];

afterEach(() => {
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tskc-bootstrap-test-'));
  temps.push(d);
  return d;
}

/** Writes `files` (relative path -> content) under `root`. */
function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
}

/** Sets the mtime of every file and directory under `dir` (and `dir`) to `t` seconds. */
function setTreeTime(dir: string, t: number): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) setTreeTime(p, t);
    else fs.utimesSync(p, t, t);
  }
  fs.utimesSync(dir, t, t);
}

const T0 = 1_700_000_000; // sources
const T1 = T0 + 100; // stamp
const T2 = T0 + 200; // a later edit

/** A fake repository with compiler sources all at T0 and a stamp recording them. */
function fakeCompilerTree(): string {
  const root = tempDir();
  writeTree(root, {
    'compiler/tsconfig.json': '{}',
    'compiler/main.ts': 'export const x = 1;\n',
    'compiler/x86/encode.ts': 'export const y = 2;\n',
    'compiler/notes.md': 'not a source\n',
    'compiler/bin/tskc.js': '// excluded\n',
    'compiler/setup/bootstrap.js': '// excluded\n',
    'compiler/setup/extra.ts': '// excluded\n',
    'runtime/start.asm': '; runtime\n',
  });
  setTreeTime(root, T0);
  // As a successful build leaves it: the fingerprint of the sources it used.
  fs.mkdirSync(path.join(root, 'dist/compiler'), { recursive: true });
  fs.writeFileSync(path.join(root, 'dist/compiler/.stamp'), sourceFingerprint(root) + '\n');
  return root;
}

describe('compiler staleness', () => {
  it('is stale without a stamp', () => {
    const root = fakeCompilerTree();
    fs.rmSync(path.join(root, 'dist/compiler/.stamp'));
    expect(isCompilerStale(root)).toBe(true);
    expect(compilerStaleReason(root)).toMatch(/\.stamp is missing/);
  });

  it('is fresh when the sources are those the stamp records', () => {
    const root = fakeCompilerTree();
    expect(compilerStaleReason(root)).toBeNull();
  });

  it('is stale when a source changes but keeps its mtime (e.g. restored)', () => {
    const root = fakeCompilerTree();
    fs.writeFileSync(path.join(root, 'compiler/main.ts'), 'export const x = 12345;\n');
    fs.utimesSync(path.join(root, 'compiler/main.ts'), T0, T0);
    expect(isCompilerStale(root)).toBe(true);
  });

  it.each([
    ['compiler/main.ts'],
    ['compiler/x86/encode.ts'],
    ['compiler/tsconfig.json'],
    ['runtime/start.asm'],
  ])('is stale when %s has a different mtime', (rel) => {
    const root = fakeCompilerTree();
    fs.utimesSync(path.join(root, rel), T2, T2);
    expect(isCompilerStale(root)).toBe(true);
  });

  it.each([['compiler/bin/tskc.js'], ['compiler/setup/bootstrap.js'], ['compiler/setup/extra.ts'], ['compiler/notes.md']])(
    'ignores a newer %s',
    (rel) => {
      const root = fakeCompilerTree();
      fs.utimesSync(path.join(root, rel), T2, T2);
      expect(isCompilerStale(root)).toBe(false);
    },
  );

  it('is stale when a source is added, removed or renamed', () => {
    const root = fakeCompilerTree();
    // The renamed file keeps its old mtime and size.
    fs.renameSync(path.join(root, 'compiler/x86/encode.ts'), path.join(root, 'compiler/x86/enc.ts'));
    expect(isCompilerStale(root)).toBe(true);
  });
});

describe('npm package staleness', () => {
  function fakeNpmTree(): string {
    const root = tempDir();
    writeTree(root, {
      'package.json': JSON.stringify({ dependencies: { alpha: '1.0.0' }, devDependencies: { '@scope/beta': '2.0.0' } }),
      'package-lock.json': '{}',
      'node_modules/.package-lock.json': '{}',
      'node_modules/alpha/package.json': '{}',
      'node_modules/@scope/beta/package.json': '{}',
    });
    fs.utimesSync(path.join(root, 'package-lock.json'), T0, T0);
    fs.utimesSync(path.join(root, 'node_modules/.package-lock.json'), T1, T1);
    return root;
  }

  it('is fresh when everything is installed', () => {
    expect(npmPackagesStaleReason(fakeNpmTree())).toBeNull();
  });

  it('is stale without node_modules/.package-lock.json', () => {
    const root = fakeNpmTree();
    fs.rmSync(path.join(root, 'node_modules/.package-lock.json'));
    expect(npmPackagesStaleReason(root)).toMatch(/missing/);
  });

  it('is stale when package-lock.json is newer', () => {
    const root = fakeNpmTree();
    fs.utimesSync(path.join(root, 'package-lock.json'), T2, T2);
    expect(npmPackagesStaleReason(root)).toMatch(/newer/);
  });

  it('is stale when a dependency is missing', () => {
    const root = fakeNpmTree();
    fs.rmSync(path.join(root, 'node_modules/@scope/beta'), { recursive: true });
    expect(npmPackagesStaleReason(root)).toMatch(/@scope\/beta/);
  });
});

describe('tool lookup', () => {
  function fakeBin(names: Record<string, number>): string {
    const dir = tempDir();
    for (const [name, mode] of Object.entries(names)) {
      fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n');
      fs.chmodSync(path.join(dir, name), mode);
    }
    return dir;
  }

  it('finds executables on a fake PATH', () => {
    const a = fakeBin({ nasm: 0o755 });
    const b = fakeBin({ 'ld.lld': 0o755, 'qemu-system-x86_64': 0o755, gdb: 0o755, mke2fs: 0o755, chromium: 0o755 });
    const PATH = [a, '', path.join(a, 'missing'), b].join(path.delimiter);
    expect(findOnPath('nasm', PATH)).toBe(path.join(a, 'nasm'));
    expect(findOnPath('ld.lld', PATH)).toBe(path.join(b, 'ld.lld'));
    expect(findMissingTools(PATH)).toEqual([]);
    expect(() => ensureTools({ quiet: true, pathEnv: PATH })).not.toThrow();
  });

  it('reports missing and non-executable tools', () => {
    const a = fakeBin({ nasm: 0o755, 'ld.lld': 0o644 });
    fs.mkdirSync(path.join(a, 'qemu-system-x86_64')); // a directory is not a tool
    expect(findMissingTools(a)).toEqual(['ld.lld', 'qemu-system-x86_64', 'gdb', 'mke2fs', 'chromium']);
    expect(findMissingTools('')).toEqual(['nasm', 'ld.lld', 'qemu-system-x86_64', 'gdb', 'mke2fs', 'chromium']);
  });

  it('maps tools to Debian packages', () => {
    expect(debianPackagesFor(['nasm', 'ld.lld', 'qemu-system-x86_64', 'gdb', 'mke2fs', 'chromium'])).toEqual(['nasm', 'lld', 'qemu-system-x86', 'gdb', 'e2fsprogs', 'chromium']);
    expect(debianPackagesFor(['ld.lld'])).toEqual(['lld']);
  });
});

describe('compiler build', () => {
  /** A fake repository whose node_modules is the real one, with a one-file compiler. */
  function buildableTree(source: string): string {
    const root = tempDir();
    writeTree(root, {
      'compiler/tsconfig.json': JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          strict: true,
          types: [],
          rootDir: '.',
          outDir: '../dist/compiler',
          incremental: true,
          tsBuildInfoFile: '../dist/compiler.tsbuildinfo',
        },
        include: ['**/*.ts'],
        exclude: ['bin', 'setup'],
      }),
      'compiler/main.ts': source,
    });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
    return root;
  }

  it('builds when stale, writes the stamp, then does nothing', () => {
    const root = buildableTree('export const answer: number = 42;\n');
    expect(isCompilerStale(root)).toBe(true);
    buildCompilerIfStale(root, { quiet: true });
    expect(fs.readFileSync(path.join(root, 'dist/compiler/main.js'), 'utf8')).toContain('42');
    expect(fs.existsSync(path.join(root, 'dist/compiler/.stamp'))).toBe(true);
    expect(isCompilerStale(root)).toBe(false);
    expect(fs.existsSync(path.join(root, 'dist/.build-lock'))).toBe(false);

    // Output deleted but tsbuildinfo kept: the missing stamp forces a full build.
    fs.rmSync(path.join(root, 'dist/compiler'), { recursive: true });
    buildCompilerIfStale(root, { quiet: true });
    expect(fs.existsSync(path.join(root, 'dist/compiler/main.js'))).toBe(true);
  }, 60_000);

  it('reports tsc errors and writes no stamp', () => {
    const root = buildableTree('export const answer: number = "forty-two";\n');
    let err: unknown;
    try {
      buildCompilerIfStale(root, { quiet: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SetupError);
    expect((err as Error).message).toMatch(/TS2322/);
    expect(fs.existsSync(path.join(root, 'dist/compiler/.stamp'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'dist/.build-lock'))).toBe(false);
  }, 60_000);
});

describe('bootstrap script', () => {
  it('runs nothing when imported', async () => {
    const r = await execa(process.execPath, ['--input-type=module', '-e', "await import('./compiler/setup/bootstrap.js')"], {
      cwd: repoRoot,
    });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('rejects unknown arguments', async () => {
    const r = await execa(process.execPath, ['compiler/setup/bootstrap.js', '--no-such-flag'], { cwd: repoRoot, reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/unknown argument --no-such-flag/);
  });
});
