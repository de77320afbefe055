// `tskc image --assembler builtin|nasm`: the kernel's object is written by
// the built-in assembler by default (with its own DWARF line table, producer
// "tskc") and by nasm when asked (producer "NASM ..."); --timings prints the
// kernel compile's stages, the built-in assembler's among them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { hangLimit } from '../harness/timing.js';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'test', 'debug', 'fixtures', 'chain.ts');

/** The DW_AT_producer string of an object's compile unit (the one string after the comp dir). */
function producer(obj: string): string {
  const text = readFileSync(obj).toString('latin1');
  const m = /(NASM [\d.]+|tskc)\0/.exec(text);
  return m ? m[1] : 'none';
}

describe('tskc image --assembler', () => {
  for (const assembler of ['builtin', 'nasm'] as const) {
    it(`writes the kernel's object with ${assembler === 'builtin' ? 'the built-in assembler' : 'nasm'}`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'tskc-image-'));
      const r = await execa(process.execPath, ['compiler/bin/tskc.js', 'image', '--entry', fixture, '--out-dir', out, '--assembler', assembler, '--timings'], { cwd: root, reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(producer(join(out, 'kernel.o'))).toMatch(assembler === 'builtin' ? /^tskc$/ : /^NASM /);
      expect(r.stderr).toContain('kernel compile timings');
      if (assembler === 'builtin') {
        expect(r.stderr).toMatch(/\n +assemble +\d/);
        expect(r.stderr).not.toContain('using nasm');
      }
    }, hangLimit(300_000));
  }
});
