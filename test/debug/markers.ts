// Finds the lines of test fixtures marked `// @name`, so tests never
// hard-code line numbers.
import { readFileSync } from 'node:fs';

/** The 1-based line of `file` carrying `// @marker`. */
export function markedLine(file: string, marker: string): number {
  const i = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(`// @${marker}`));
  if (i < 0) throw new Error(`${file} has no // @${marker} line`);
  return i + 1;
}
