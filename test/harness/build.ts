// Kernel image builds for tests, in a child process. buildKernelImage is
// synchronous and takes seconds (tens of seconds on a busy host); run in a
// test worker it would block the worker's event loop, and vitest fails a
// run whose worker cannot answer its RPC for 60 s ("Timeout calling
// onTaskUpdate"). The child runs the built compiler (dist/, which
// test/global-setup.ts brings up to date before any test) and prints the
// result as JSON on its last line of output; its progress goes to stderr.
//
// A build is done once per test run and configuration: the result is kept in
// build/cache/kernels/KEY/, KEY a hash of the options and of every file the
// build reads (kernel/, runtime/, userland/, boot/, the test entries, the
// built compiler), and each caller gets its own copy of the disk image (a
// test may write it). Several test files asking at once wait for one build
// (a lock directory). Before this, each test file built its own kernels.
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImageResult } from '../../compiler/image/image.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const imageModule = pathToFileURL(path.join(root, 'dist', 'compiler', 'cli', 'image.js')).href;

/** The options of buildKernelImage (compiler/cli/image.ts). */
export interface KernelBuildOptions { outDir: string; debug: boolean; entry?: string; quiet?: boolean; test?: boolean; rc?: boolean }

const SCRIPT = `
const { buildKernelImage } = await import(process.argv[1]);
try {
  const result = buildKernelImage(JSON.parse(process.argv[2]));
  process.stdout.write('\\n' + JSON.stringify(result) + '\\n');
} catch (e) {
  process.stderr.write(String(e instanceof Error ? e.message : e) + '\\n'); // a CompileError's message lists its diagnostics
  process.exit(1);
}
`;

/** The folders a kernel build reads, below the repository root. */
const INPUTS = ['kernel', 'runtime', 'userland', 'boot', 'test', path.join('dist', 'compiler'), path.join('compiler', 'init')];

function hashTree(h: ReturnType<typeof createHash>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) hashTree(h, p);
    else if (st.isFile()) h.update(`${path.relative(root, p)}\0${st.size}\0`).update(readFileSync(p));
  }
}

let inputsHash: string | null = null;

/** The cache key of a build with options `o` (outDir aside). */
function keyOf(o: KernelBuildOptions): string {
  if (inputsHash === null) {
    const h = createHash('sha256');
    for (const d of INPUTS) hashTree(h, path.join(root, d));
    inputsHash = h.digest('hex');
  }
  const { outDir: _outDir, quiet: _quiet, ...rest } = o;
  return createHash('sha256').update(inputsHash).update(JSON.stringify(rest)).digest('hex').slice(0, 20);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * buildKernelImage in a child process (the test worker stays responsive
 * while it runs), once per configuration and test run (see the top of the
 * file); the disk image is the caller's own copy in `o.outDir`.
 */
export async function buildKernelImageAsync(o: KernelBuildOptions): Promise<ImageResult> {
  const dir = path.join(root, 'build', 'cache', 'kernels', keyOf(o));
  const done = path.join(dir, 'result.json');
  const lock = `${dir}.lock`;
  mkdirSync(path.dirname(dir), { recursive: true });
  for (;;) {
    if (existsSync(done)) break;
    try {
      mkdirSync(lock);
    } catch {
      // Another worker builds it; a lock older than 20 minutes is a dead build's.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > 20 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(done)) {
        rmSync(dir, { recursive: true, force: true });
        const r = await buildUncached({ ...o, outDir: dir });
        writeFileSync(`${done}.tmp`, JSON.stringify(r));
        renameSync(`${done}.tmp`, done);
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    break;
  }
  const cached = JSON.parse(readFileSync(done, 'utf8')) as ImageResult;
  mkdirSync(o.outDir, { recursive: true });
  const diskImage = path.join(o.outDir, path.basename(cached.diskImage));
  copyFileSync(cached.diskImage, diskImage);
  return { ...cached, diskImage };
}

async function buildUncached(o: KernelBuildOptions): Promise<ImageResult> {
  const r = await execa(process.execPath, ['--input-type=module', '-e', SCRIPT, imageModule, JSON.stringify(o)], {
    cwd: root, reject: false, stderr: 'pipe', stdout: 'pipe',
  });
  if (!o.quiet && r.stderr) process.stderr.write(`${r.stderr}\n`);
  const last = r.stdout.trimEnd().split('\n').pop() ?? '';
  if (r.exitCode !== 0 || !last.startsWith('{')) {
    throw new Error(`kernel build failed (exit ${r.exitCode}):\n${r.stderr}\n${r.stdout}`);
  }
  return JSON.parse(last) as ImageResult;
}
