// The compile-time part of `npm run bench` as a Part: its table and JSON.
import { measureCompileTime } from './compile-time.js';
import { measureRebuild, REBUILD_FILE } from './rebuild.js';
import { table, type Part } from './parts.js';

export const compilePart: Part = {
  key: 'compileTime',
  title: 'compile time (median wall time, one process per build)',
  run: (o) => {
    o.log(`compile time: tskc and tsc x${o.runs}`);
    const c = measureCompileTime(o.root, o.outDir, o.runs);
    o.log(`rebuild: tskc image after a one-line change to ${REBUILD_FILE} x${o.runs}`);
    const rebuildMs = measureRebuild(o.root, o.outDir, o.runs);
    const lines = table(['', 'ms'], [
      ...c.stages.map(([s, ms]) => [`  tskc ${s}`, ms.toFixed(1)]),
      ['tskc build (process wall time)', c.tskcMs.toFixed(0)],
      ['tsc --noEmit', c.tscMs.toFixed(0)],
      [`rebuild: tskc image after one line of ${REBUILD_FILE} changed`, rebuildMs.toFixed(0)],
    ]);
    lines.push('', `tskc/tsc: ${c.ratio.toFixed(2)} (target <= 1.5) over ${c.projects.join(', ')}`);
    return { lines, json: { ...c, rebuildMs } };
  },
};
