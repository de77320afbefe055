// Source maps (v3) from emitted .asm lines to TypeScript sources, written
// beside the .asm as `.asm.map`, for tools that read the assembly (code
// addresses map to TS lines through the debug table instead, debugtable.ts).
import { writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { SourceMapGenerator } from 'source-map';
import type { SourceLoc } from '../ir/ir.js';

export function writeSourceMap(asmPath: string, lineLocs: (SourceLoc | null)[]): void {
  const gen = new SourceMapGenerator({ file: basename(asmPath) });
  const dir = dirname(asmPath);
  lineLocs.forEach((loc, i) => {
    if (!loc) return;
    gen.addMapping({
      generated: { line: i + 1, column: 0 },
      original: { line: loc.line, column: loc.col - 1 },
      source: relative(dir, loc.file),
    });
  });
  writeFileSync(`${asmPath}.map`, gen.toString());
}
