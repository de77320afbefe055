// Runs once before any test file: brings the built compiler (dist/) up to
// date, which the kernel image builds of test/harness/build.ts run in child
// processes (`npm test` has done it already, bootstrap; this covers `npx
// vitest` after an edit), and gives the run a temporary directory of its
// own: TMPDIR points into it, so every scratch file, disk copy and QEMU
// socket the tests and their child processes make (os.tmpdir(), mkdtemp)
// is under it, and it is removed when the run ends, whatever a test left.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCompilerBuilt } from '../compiler/setup/bootstrap.js';

export default function setup(): () => void {
  ensureCompilerBuilt(path.resolve(import.meta.dirname, '..'), { quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tskc-run-'));
  process.env.TMPDIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
