// Machine intrinsics (docs/language.md §7.2, §7.3): asm-text checks per
// intrinsic (asmcheck.ts), the checker itself, and behaviour on the host
// (rdtsc counts up, cpuid reports the host's vendor and highest leaf).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionBodies, parseChecks, runAsmChecks } from './asmcheck.js';
import { compileAndRun } from '../compiler/programs.js';

const here = import.meta.dirname;

describe('asm checker', () => {
  it('ties checks to the function below them and finds bodies', () => {
    const checks = parseChecks('// asm: ^cli$\n// asm-not: xmm\nfunction f(): void {}\nconst x = 1;\n// asm: hlt\nexport function g(): void {}\n');
    expect(checks.map((c) => [c.func, c.want, c.pattern.source])).toEqual([['f', true, '^cli$'], ['f', false, 'xmm'], ['g', true, 'hlt']]);
    const bodies = functionBodies('global $f:function ($f.end - $f)\n$f:\n    push rbp\n.b1:\n    cli\n.end:\nglobal $g:function ($g.end - $g)\n$g:\n    hlt\n.end:\nglobal $d:data 8\n$d:\n    dq 1\n');
    expect(bodies.get('f')).toEqual(['push rbp', 'cli']);
    expect(bodies.get('g')).toEqual(['hlt']);
    expect(bodies.has('d')).toBe(false);
  });
});

describe('intrinsics in the emitted code', () => {
  for (const f of ['kernel-intrinsics.ts', 'common-intrinsics.ts']) {
    it(f, () => {
      const { failures, count } = runAsmChecks(join(here, f));
      expect(count).toBeGreaterThan(10);
      expect(failures).toEqual([]);
    });
  }
});

describe('intrinsics on the host (linux target)', () => {
  it('rdtsc counts up and cpuid reports the vendor and highest leaf /proc/cpuinfo implies', () => {
    const { stdout, status } = compileAndRun(join(here, 'run-intrinsics.ts'));
    expect(status).toBe(0);
    expect(stdout).toContain('monotonic true advanced true true');
    expect(stdout).not.toContain('bad vendor byte');
    const vendorLine = /^vendor (\d+) (\d+) (\d+)$/m.exec(stdout)!;
    const vendor = Buffer.from(vendorLine.slice(1).flatMap((n) => [0, 1, 2, 3].map((i) => (Number(n) >>> (8 * i)) & 0xff))).toString('latin1');
    const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
    const hostVendor = /^vendor_id\s*:\s*(\S+)/m.exec(cpuinfo)?.[1];
    expect(vendor).toBe(hostVendor);
    const maxLeaf = Number(/^maxleaf (\d+)$/m.exec(stdout)![1]);
    expect(maxLeaf).toBeGreaterThanOrEqual(1);
    // Leaf 1's family matches /proc/cpuinfo's "cpu family" (base family 0xf means extended).
    const family = Number(/^family (\d+)$/m.exec(stdout)![1]);
    const hostFamily = Number(/^cpu family\s*:\s*(\d+)/m.exec(cpuinfo)?.[1]);
    expect(family === 0xf ? hostFamily >= 0xf : family === hostFamily).toBe(true);
  });
});
