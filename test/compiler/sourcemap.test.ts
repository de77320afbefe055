// The .asm.map writer (compiler/driver/sourcemap.ts) writes exactly what the
// `source-map` package's SourceMapGenerator writes for the same mappings.
import { describe, expect, it } from 'vitest';
import { SourceMapConsumer, SourceMapGenerator } from 'source-map';
import { sourceMapText } from '../../compiler/driver/sourcemap.js';
import type { SourceLoc } from '../../compiler/ir/ir.js';

/** The reference: the package's generator, as the writer used it before. */
function reference(asmPath: string, lineLocs: (SourceLoc | null)[]): string {
  const gen = new SourceMapGenerator({ file: 'out.asm' });
  lineLocs.forEach((loc, i) => {
    if (loc) gen.addMapping({ generated: { line: i + 1, column: 0 }, original: { line: loc.line, column: loc.col - 1 }, source: loc.file.replace('/work/p/', '') });
  });
  expect(asmPath).toBe('/work/p/out.asm');
  return gen.toString();
}

/** Line locations as the backend makes them: runs of lines from one place, gaps, jumps between files, far lines. */
function lineLocs(seed: number, n: number): (SourceLoc | null)[] {
  let s = seed;
  const rand = (k: number): number => ((s = (s * 1103515245 + 12345) % 2 ** 31) % k);
  const files = ['/work/p/main.ts', '/work/p/lib/a.ts', '/work/p/runtime/x.ts', '/work/p/b.ts'];
  const out: (SourceLoc | null)[] = [];
  let cur: SourceLoc = { file: files[0], line: 1, col: 1 };
  for (let i = 0; i < n; i++) {
    const r = rand(10);
    if (r < 2) out.push(null);
    else {
      if (r > 6) cur = { file: files[rand(files.length)], line: 1 + rand(r === 9 ? 100_000 : 300), col: 1 + rand(r === 9 ? 5000 : 80) };
      out.push(cur);
    }
  }
  return out;
}

describe('source maps', () => {
  it('are the text SourceMapGenerator writes, for many shapes of mappings', () => {
    for (const [seed, n] of [[1, 0], [2, 1], [3, 50], [4, 2000], [5, 20_000]]) {
      const locs = lineLocs(seed, n);
      expect(sourceMapText('/work/p/out.asm', locs), `seed ${seed}`).toBe(reference('/work/p/out.asm', locs));
    }
    // Leading unmapped lines, and a map with no mappings at all.
    const locs = [null, null, { file: '/work/p/main.ts', line: 7, col: 3 }, null];
    expect(sourceMapText('/work/p/out.asm', locs)).toBe(reference('/work/p/out.asm', locs));
    expect(sourceMapText('/work/p/out.asm', [null, null])).toBe(reference('/work/p/out.asm', [null, null]));
  });

  it('decode to the lines they were made from', async () => {
    const locs = lineLocs(9, 500);
    const consumer = await new SourceMapConsumer(JSON.parse(sourceMapText('/work/p/out.asm', locs)));
    locs.forEach((loc, i) => {
      const o = consumer.originalPositionFor({ line: i + 1, column: 0 });
      expect(o.line).toBe(loc ? loc.line : null);
      if (loc) expect([o.source, o.column]).toEqual([loc.file.replace('/work/p/', ''), loc.col - 1]);
    });
    consumer.destroy();
  });
});
