// The compiler's folders import only from layers below their own, as
// docs/architecture.md says ("each stage lives in its own folder and knows
// nothing of the stages after it"): shared definitions (targets, the IR,
// diagnostics) sit below the stages that use them, and no stage reaches
// into a later one or into the driver that runs it.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Each folder of compiler/ with its layer: a folder may import from its own layer and those below. */
const LAYER: Record<string, number> = {
  setup: 0, target: 0, diag: 0,
  ir: 1,
  frontend: 2,
  sema: 3,
  lower: 4,
  passes: 5,
  x86: 6, asm: 6,
  driver: 7, debug: 7,
  image: 8, init: 8,
  cli: 9, plugin: 9,
};

describe('compiler layering', () => {
  const folders = readdirSync(join(root, 'compiler'), { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'bin').map((d) => d.name);

  it('gives every folder of compiler/ a layer', () => {
    expect(folders.filter((f) => LAYER[f] === undefined)).toEqual([]);
  });

  it('has no import from a folder of a higher layer', () => {
    const upward: string[] = [];
    for (const folder of folders) {
      for (const file of readdirSync(join(root, 'compiler', folder)).filter((f) => f.endsWith('.ts'))) {
        const text = readFileSync(join(root, 'compiler', folder, file), 'utf8');
        for (const m of text.matchAll(/from '\.\.\/(\w+)\//g)) {
          if ((LAYER[m[1]] ?? Infinity) > LAYER[folder]) upward.push(`compiler/${folder}/${file} imports from compiler/${m[1]}/`);
        }
      }
    }
    expect(upward).toEqual([]);
  });
});
