// Kernel image builds for tests, in a child process. buildKernelImage is
// synchronous and takes seconds (tens of seconds on a busy host); run in a
// test worker it would block the worker's event loop, and vitest fails a
// run whose worker cannot answer its RPC for 60 s ("Timeout calling
// onTaskUpdate"). The child runs the built compiler (dist/, which
// test/global-setup.ts brings up to date before any test) and prints the
// result as JSON on its last line of output; its progress goes to stderr.
import { execa } from 'execa';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImageResult } from '../../compiler/image/image.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const imageModule = pathToFileURL(path.join(root, 'dist', 'compiler', 'cli', 'image.js')).href;

/** The options of buildKernelImage (compiler/cli/image.ts). */
export interface KernelBuildOptions { outDir: string; debug: boolean; entry?: string; quiet?: boolean; test?: boolean }

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

/** buildKernelImage in a child process: the test worker stays responsive while it runs. */
export async function buildKernelImageAsync(o: KernelBuildOptions): Promise<ImageResult> {
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
