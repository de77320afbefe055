// Shared by the `tskc build --each` tests: running the CLI as a user would,
// and a scratch directory of sources.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export const root = join(import.meta.dirname, '..', '..');

/** Runs `tskc ARGS` in `cwd` (never throws: the result carries the exit code and output). */
export const tskc = (args: string[], cwd: string) =>
  execa(process.execPath, [join(root, 'compiler', 'bin', 'tskc.js'), ...args], { cwd, reject: false, env: { NO_COLOR: '1' } });

/** A directory holding `files` (name → source). */
export function sources(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
