// The run's temporary directory (test/global-setup.ts): everything the tests
// put under os.tmpdir() lands in one directory the run removes at its end,
// so a suite run leaves nothing behind in /tmp (disk copies are 34 MiB each).
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

it('os.tmpdir() is the run directory global setup made, for this process and its children', async () => {
  expect(path.basename(os.tmpdir())).toMatch(/^tskc-run-/);
  const { execa } = await import('execa');
  const child = await execa(process.execPath, ['-e', 'process.stdout.write(require("os").tmpdir())']);
  expect(child.stdout).toBe(os.tmpdir());
});
