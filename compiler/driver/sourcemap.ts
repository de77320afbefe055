// Source maps (v3) from emitted .asm lines to TypeScript sources, written
// beside the .asm as `.asm.map`, for tools that read the assembly (code
// addresses map to TS lines through the debug table instead, debugtable.ts).
// Each .asm line maps at column 0 to at most one TS location, so the
// mappings are written directly (one segment per mapped line); the text is
// what the `source-map` package's SourceMapGenerator writes for the same
// mappings (test/compiler/sourcemap.test.ts), in a fraction of the time.
import { writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import type { SourceLoc } from '../ir/ir.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One signed number as base-64 VLQ: sign in the lowest bit, 5 bits per digit, continuation bit 32. */
function vlq(n: number): string {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let out = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v > 0) digit |= 32;
    out += BASE64[digit];
  } while (v > 0);
  return out;
}

/** The source map of an .asm file at asmPath whose line i+1 came from lineLocs[i]. */
export function sourceMapText(asmPath: string, lineLocs: (SourceLoc | null)[]): string {
  const dir = dirname(asmPath);
  const sources: string[] = [];
  const index = new Map<string, number>(); // loc.file → index in sources
  const parts: string[] = [];
  let line = 0; // the generated line (0-based) the mappings text has reached
  let [prevSource, prevLine, prevCol] = [0, 0, 0];
  lineLocs.forEach((loc, i) => {
    if (!loc) return;
    let source = index.get(loc.file);
    if (source === undefined) {
      const name = relative(dir, loc.file);
      source = sources.indexOf(name);
      if (source < 0) source = sources.push(name) - 1;
      index.set(loc.file, source);
    }
    parts.push(';'.repeat(i - line), 'A', vlq(source - prevSource), vlq(loc.line - 1 - prevLine), vlq(loc.col - 1 - prevCol));
    line = i;
    [prevSource, prevLine, prevCol] = [source, loc.line - 1, loc.col - 1];
  });
  return JSON.stringify({ version: 3, sources, names: [], mappings: parts.join(''), file: basename(asmPath) });
}

export function writeSourceMap(asmPath: string, lineLocs: (SourceLoc | null)[]): void {
  writeFileSync(`${asmPath}.map`, sourceMapText(asmPath, lineLocs));
}
