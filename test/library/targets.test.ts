// The library compiles for every target: a kernel-style program using
// vectors, maps, sets and the text builder builds for the kernel target
// (no floats, no SSE), the user target and linux, and runs on linux.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { scratch } from '../compiler/programs.js';

const program = join(import.meta.dirname, 'fixtures', 'kernel-use.ts');

describe('the library on each target', () => {
  for (const target of ['kernel', 'user', 'linux'] as const) {
    it(`compiles a kernel-style program for ${target}`, () => {
      const out = join(scratch(), 'k.asm');
      compile({ entries: [program], target, emit: 'asm', output: out, debug: false, verifyIr: true });
      const asm = readFileSync(out, 'utf8');
      expect(asm).toMatch(/tskc\.Vec\.Task\.push/);
      expect(asm).toMatch(/tskc\.HashMap\.i32\.Task\.set/);
      if (target === 'kernel') expect(asm).not.toMatch(/xmm/);
    });
  }

  it('runs it on linux: the timer, ring and bit set values and the pids 1 … 8', () => {
    const exe = join(scratch(), 'k');
    compile({ entries: [join(import.meta.dirname, 'fixtures', 'kernel-use-main.ts')], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
    expect(spawnSync(exe, [], { encoding: 'utf8' }).stdout).toBe(`${100 + 65 + 1 + 36}\n`);
  });
});
