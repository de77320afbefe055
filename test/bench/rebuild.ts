// The rebuild beside the compile-time part of `npm run bench`: `tskc image`
// (what `npm run build` runs) after a one-line change to one kernel file,
// with the user programs already in build/cache from an earlier image build,
// as a developer editing the kernel meets it. tskc compiles whole programs,
// so the kernel is compiled again in full; the user programs, which do not
// depend on the changed file, come from the cache. The file is restored
// after every run, whatever happens.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median } from './measure.js';

/** The kernel file the rebuild changes: one the user programs do not import. */
export const REBUILD_FILE = 'kernel/main.ts';

function image(root: string, outDir: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'compiler/bin/tskc.js'), 'image', '--out-dir', outDir], { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`tskc image failed (exit ${r.status}):\n${r.stderr}`);
  if (!/user programs unchanged/.test(r.stderr)) throw new Error(`tskc image rebuilt the user programs:\n${r.stderr}`);
  return ms;
}

/** Median ms of `tskc image` after appending one line to REBUILD_FILE (the cache warmed first). */
export function measureRebuild(root: string, outDir: string, runs: number): number {
  const file = join(root, REBUILD_FILE);
  const original = readFileSync(file, 'utf8');
  const dir = join(outDir, 'image');
  spawnSync(process.execPath, [join(root, 'compiler/bin/tskc.js'), 'image', '--out-dir', dir], { cwd: root }); // fills build/cache
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      writeFileSync(file, `${original}// bench: rebuild ${i}\n`);
      times.push(image(root, dir));
    }
  } finally {
    writeFileSync(file, original);
  }
  return median(times);
}
