// Runs once before any test file: brings the built compiler (dist/) up to
// date, which the kernel image builds of test/harness/build.ts run in child
// processes. `npm test` has done it already (bootstrap); this covers
// `npx vitest` after an edit.
import path from 'node:path';
import { ensureCompilerBuilt } from '../compiler/setup/bootstrap.js';

export default function setup(): void {
  ensureCompilerBuilt(path.resolve(import.meta.dirname, '..'), { quiet: true });
}
