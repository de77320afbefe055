// The switch terminator: its text form, the verifier's checks, CFG
// simplification of constant switches, and the two ways isel selects it —
// a bounds check and jump table for dense cases, compares (a chain or a
// binary search) for sparse ones — run natively on every interesting value:
// each case, the range edges and one past them, holes, the default path,
// negative values, and w values that are the same modulo 2^32.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseModule, IrParseError } from '../../compiler/ir/parse.js';
import { printModule } from '../../compiler/ir/print.js';
import { verifyModule } from '../../compiler/ir/verify.js';
import { simplifyCfg } from '../../compiler/passes/simplifycfg.js';
import { generateAsm } from '../../compiler/x86/backend.js';
import { isDenseSwitch } from '../../compiler/x86/isel.js';
import { TARGETS } from '../../compiler/target/target.js';
import { buildAndRun, PRELUDE } from './run.js';

const SWITCHES = `init $main

function l $f(w %x.0, l %y.1) {
@start.0
  switch w %x.0, @dflt.1, [0 @a.2, -5 @b.3, 4294967295 @a.2, 7 @b.3]
@dflt.1
  switch l %y.1, @a.2, []
@a.2
  %r.2 =l phi @start.0 1, @dflt.1 2
  switch l 3, @b.3, [9223372036854775807 @b.3, -9223372036854775808 @b.3, 18446744073709551615 @a.2]
@b.3
  ret 0
}
`;

describe('switch in IR text', () => {
  it('prints and parses back identically', () => {
    const m = parseModule(SWITCHES);
    expect(printModule(m)).toBe(SWITCHES);
    const t = m.funcs[0].blocks[0].term;
    expect(t.kind).toBe('switch');
    if (t.kind !== 'switch') return;
    expect(t.cls).toBe('w');
    expect(t.cases.map((c) => c.value)).toEqual([0n, -5n, 4294967295n, 7n]);
    expect(t.cases[0].target).toBe(t.cases[2].target);
    expect(t.default.label).toBe('dflt');
  });

  it('reports malformed switches with their line', () => {
    const bad = (term: string, msg: RegExp): void => {
      let err: unknown;
      try { parseModule(`function $f(w %x.0) {\n@a.0\n  ${term}\n@b.1\n  ret\n}\n`); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(IrParseError);
      expect((err as IrParseError).line).toBe(3);
      expect((err as Error).message).toMatch(msg);
    };
    bad('switch d %x.0, @b.1, []', /w or l value/);
    bad('switch w %x.0, @b.1, [1 @b.1', /expected '\]'/);
    bad('switch w %x.0, @b.1, [x @b.1]', /expected an integer/);
    bad('switch w %x.0, [1 @b.1]', /block reference/);
  });
});

describe('switch in the verifier', () => {
  const fn = (term: string, extra = ''): string =>
    `function l $f(w %x.0, l %y.1) {\n@s.0\n  ${term}\n@a.1\n${extra}  ret 1\n@b.2\n  ret 2\n}\n`;
  const errors = (text: string): string => verifyModule(parseModule(text)).join('\n');

  it('accepts a well-formed switch, with several cases to one block', () => {
    expect(errors(fn('switch w %x.0, @b.2, [1 @a.1, 2 @a.1, -1 @b.2]'))).toBe('');
    expect(errors(fn('switch l %y.1, @b.2, [-9223372036854775808 @a.1, 18446744073709551614 @a.1]'))).toBe('');
  });

  it('rejects duplicate case values, also when they are equal modulo 2^32 in class w', () => {
    expect(errors(fn('switch w %x.0, @b.2, [1 @a.1, 2 @b.2, 1 @b.2]'))).toMatch(/case value 1 is a duplicate of 1/);
    expect(errors(fn('switch w %x.0, @b.2, [-1 @a.1, 4294967295 @b.2]'))).toMatch(/case value 4294967295 is a duplicate of -1/);
    expect(errors(fn('switch l %y.1, @b.2, [-1 @a.1, 4294967295 @b.2]'))).toBe('');
  });

  it('rejects case values that do not fit the class, and a value of the wrong class', () => {
    expect(errors(fn('switch w %x.0, @b.2, [4294967296 @a.1]'))).toMatch(/case value 4294967296 does not fit class w/);
    expect(errors(fn('switch w %x.0, @b.2, [-2147483649 @a.1]'))).toMatch(/does not fit class w/);
    expect(errors(fn('switch w %y.1, @b.2, [1 @a.1]'))).toMatch(/operand %\.1 is l, expected w/);
    expect(errors(fn('switch l $sym, @b.2, [1 @a.1]'))).toBe('');
  });

  it('counts a block several cases go to as one predecessor for its phis', () => {
    const phi = (args: string): string => `function l $f(w %x.0) {\n@s.0\n  switch w %x.0, @j.1, [1 @j.1, 2 @m.2, 3 @j.1]\n@m.2\n  jmp @j.1\n@j.1\n  %p.1 =l phi ${args}\n  ret %p.1\n}\n`;
    expect(errors(phi('@s.0 1, @m.2 2'))).toBe('');
    expect(errors(phi('@s.0 1, @s.0 1, @m.2 2'))).toMatch(/has 3 operands for 2 predecessors/);
  });
});

describe('switch in CFG simplification', () => {
  const simplified = (term: string): string => {
    const m = parseModule(`function l $f() {\n@s.0\n  ${term}\n@a.1\n  ret 1\n@b.2\n  ret 2\n@c.3\n  %p.4 =l phi @s.0 3\n  ret %p.4\n}\n`);
    simplifyCfg(m.funcs[0]);
    expect(verifyModule(m)).toEqual([]);
    return printModule(m);
  };

  it('turns a switch on a constant into a jump to its case (compared in the class) or the default', () => {
    expect(simplified('switch w 2, @c.3, [1 @a.1, 2 @b.2]')).toMatch(/@s\.0\n  jmp @b\.2\n@b\.2\n  ret 2\n}/);
    expect(simplified('switch w 4294967295, @c.3, [-1 @a.1, 2 @b.2]')).toMatch(/@s\.0\n  jmp @a\.1\n@a\.1\n  ret 1\n}/);
    expect(simplified('switch l 4294967295, @c.3, [-1 @a.1, 2 @b.2]')).toMatch(/@s\.0\n  jmp @c\.3\n@c\.3\n  ret 3\n}/);
  });

  it('turns a switch whose cases all go to the default into a jump', () => {
    expect(simplified('switch w 9, @a.1, [1 @a.1]')).toMatch(/jmp @a\.1/);
    const m = parseModule('function $f(w %x.0) {\n@s.0\n  switch w %x.0, @a.1, [1 @a.1, 2 @a.1]\n@a.1\n  ret\n}\n');
    simplifyCfg(m.funcs[0]);
    expect(printModule(m)).toMatch(/@s\.0\n  jmp @a\.1/);
  });
});

describe('switch density rule', () => {
  it('needs at least 4 cases and a span of at most 3 times their number', () => {
    expect(isDenseSwitch([1n, 2n, 3n])).toBe(false);
    expect(isDenseSwitch([0n, 1n, 2n, 11n])).toBe(true); // span 12 = 3 × 4
    expect(isDenseSwitch([0n, 1n, 2n, 12n])).toBe(false); // span 13
    expect(isDenseSwitch([-6n, -1n, 0n, 5n])).toBe(true);
  });
});

// ---- native runs ----

type Cls = 'w' | 'l';

/**
 * `$name(cls %x)`: a switch on x whose case values map to results; cases
 * with the same result share a block. Returns l: the result, or `dflt`.
 */
function switchFunc(name: string, cls: Cls, cases: [bigint, bigint][], dflt: bigint): string {
  const results = [...new Set(cases.map(([, r]) => r))];
  const blockOf = (r: bigint): string => `@r${results.indexOf(r)}.${results.indexOf(r) + 2}`;
  const arms = cases.map(([v, r]) => `${v} ${blockOf(r)}`).join(', ');
  const blocks = results.map((r, k) => `@r${k}.${k + 2}\n  ret ${r}`).join('\n');
  return `function l $${name}(${cls} %x.0) {\n@start.0\n  switch ${cls} %x.0, @dflt.1, [${arms}]\n@dflt.1\n  ret ${dflt}\n${blocks}\n}\n`;
}

/** What the switch computes for v, modulo the class. */
function expected(cls: Cls, cases: [bigint, bigint][], dflt: bigint, v: bigint): bigint {
  const bits = cls === 'w' ? 32 : 64;
  const hit = cases.find(([c]) => BigInt.asUintN(bits, c) === BigInt.asUintN(bits, v));
  return hit ? hit[1] : dflt;
}

/** The inputs worth trying: every case value, its neighbours, and `more`. */
function probes(cases: [bigint, bigint][], more: bigint[]): bigint[] {
  const out = new Set<bigint>(more);
  for (const [v] of cases) for (const d of [-1n, 0n, 1n]) out.add(v + d);
  return [...out];
}

/** Builds $name with the given cases, calls it on every probe, checks each result. */
function runSwitch(cls: Cls, cases: [bigint, bigint][], dflt: bigint, more: bigint[] = []): string {
  const bits = cls === 'w' ? 32 : 64;
  const inputs = probes(cases, more).map((v) => BigInt.asIntN(bits, v));
  const calls = inputs.map((v, k) => `  %r.${k + 1} =l call $sw(${v})\n  call $print(%r.${k + 1})`).join('\n');
  const r = buildAndRun(`init $main\n${PRELUDE}\n${switchFunc('sw', cls, cases, dflt)}\nfunction $main() {\n@start.0\n${calls}\n  ret\n}\n`);
  expect(r.status).toBe(0);
  expect(r.stdout.split('\n').slice(0, -1)).toEqual(inputs.map((v) => String(expected(cls, cases, dflt, v))));
  return r.asm;
}

const hasTable = (asm: string): boolean => /jmp qword \[/.test(asm) && /__tskc_jt_sw_\d+:\n\s+dq \$sw\.b\d+/.test(asm);

describe('switch compiled and run', () => {
  it('dense w cases with negative values and holes: a jump table', () => {
    const cases: [bigint, bigint][] = [[-3n, 10n], [-2n, 11n], [0n, 12n], [1n, 10n], [2n, 13n], [5n, 14n], [6n, 12n]];
    const asm = runSwitch('w', cases, 99n, [-100n, 100n, 2147483647n, -2147483648n, 4294967293n]);
    expect(hasTable(asm)).toBe(true);
  });

  it('dense w cases from 0, and unsigned values that wrap (4294967295 is -1 in class w)', () => {
    expect(hasTable(runSwitch('w', [[0n, 1n], [1n, 2n], [2n, 3n], [3n, 4n], [4n, 5n]], 0n, [-1n, 1000n]))).toBe(true);
    expect(hasTable(runSwitch('w', [[4294967294n, 7n], [4294967295n, 8n], [0n, 9n], [1n, 10n]], 0n, [2n, -3n]))).toBe(true);
  });

  it('dense l (i64) cases far from zero, where min does not fit an imm32', () => {
    const base = 1n << 40n;
    const cases: [bigint, bigint][] = [0n, 1n, 2n, 4n, 5n, 7n].map((d, k) => [base + d, BigInt(k + 1)]);
    expect(hasTable(runSwitch('l', cases, -1n, [0n, -base, base + 100n, base - 1000n]))).toBe(true);
    const neg: [bigint, bigint][] = [-9223372036854775808n, -9223372036854775807n, -9223372036854775806n, -9223372036854775804n].map((v, k) => [v, BigInt(k * 3)]);
    expect(hasTable(runSwitch('l', neg, 5n, [9223372036854775807n, 0n]))).toBe(true);
  });

  it('a large dense table (rows over several dq lines)', () => {
    const cases: [bigint, bigint][] = Array.from({ length: 40 }, (_, k) => [BigInt(k * 2 - 30), BigInt(k % 7)]);
    expect(hasTable(runSwitch('w', cases, -9n))).toBe(true);
  });

  it('sparse w cases: a compare chain, no table', () => {
    const asm = runSwitch('w', [[1n, 5n], [1000n, 6n], [-77n, 7n]], 0n, [0n, 999n]);
    expect(hasTable(asm)).toBe(false);
    expect(asm).not.toMatch(/jmp qword \[|__tskc_jt_/);
  });

  it('sparse cases: a binary search, for w and for l values beyond imm32', () => {
    const w: [bigint, bigint][] = [-1000000n, -999n, -5n, 0n, 17n, 300n, 4096n, 65535n, 1000000n, 2147483647n, -2147483648n]
      .map((v, k) => [v, BigInt(k + 1)]);
    expect(runSwitch('w', w, 0n, [12345n])).not.toMatch(/jmp qword \[/);
    const l: [bigint, bigint][] = [-(1n << 50n), -(1n << 33n), -1n, 1n << 31n, 1n << 32n, 5n << 40n, 9223372036854775807n, 12n, 77n]
      .map((v, k) => [v, BigInt(k * 11)]);
    expect(runSwitch('l', l, -4n, [1n << 33n])).not.toMatch(/jmp qword \[/);
  });

  it('a join block reached from several cases, the default and other blocks (phis, split edges)', () => {
    const ir = `function l $phi(w %x.0) {
@start.0
  %y.1 =l extsw %x.0
  switch w %x.0, @join.1, [0 @a.2, 1 @join.1, 2 @a.2, 3 @b.3, 4 @join.1, 6 @b.3]
@a.2
  %t.2 =l mul %y.1, 100
  jmp @join.1
@b.3
  %t.3 =l add %y.1, 1000
  jmp @join.1
@join.1
  %r.4 =l phi @start.0 %y.1, @a.2 %t.2, @b.3 %t.3
  ret %r.4
}

function l $konst() {
@start.0
  switch w 6, @a.1, [5 @a.1, 6 @b.2]
@a.1
  ret 1
@b.2
  ret 2
}
`;
    const inputs = [-2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    const calls = inputs.map((v, k) => `  %r.${k + 1} =l call $phi(${v})\n  call $print(%r.${k + 1})`).join('\n');
    const r = buildAndRun(`init $main\n${PRELUDE}\n${ir}\nfunction $main() {\n@start.0\n${calls}\n  %k.50 =l call $konst()\n  call $print(%k.50)\n  ret\n}\n`);
    const want = inputs.map((v) => (v === 0 || v === 2 ? v * 100 : v === 3 || v === 6 ? v + 1000 : v));
    expect(r.stdout.split('\n').slice(0, -1)).toEqual([...want.map(String), '2']);
    expect(r.asm).toMatch(/__tskc_jt_phi_0:/);
  });

  it('in a function whose name NASM reserves (rows name its blocks with a $ prefix)', () => {
    const ir = switchFunc('sp', 'w', [[1n, 1n], [2n, 2n], [3n, 3n], [4n, 4n]], 0n);
    const calls = [0, 1, 2, 3, 4, 5].map((v, k) => `  %r.${k + 1} =l call $sp(${v})\n  call $print(%r.${k + 1})`).join('\n');
    const r = buildAndRun(`init $main\n${PRELUDE}\n${ir}\nfunction $main() {\n@start.0\n${calls}\n  ret\n}\n`);
    expect(r.stdout).toBe('0\n1\n2\n3\n4\n0\n');
    expect(r.asm).toMatch(/dq \$sp\.b\d+/);
  });

  it('keeps the index in a register across spills (many live values around the switch)', () => {
    const live = Array.from({ length: 18 }, (_, k) => `  %v.${k + 2} =l mul %y.1, ${k + 3}`).join('\n');
    const sum = Array.from({ length: 18 }, (_, k) => `  %s.${k + 40} =l add ${k ? `%s.${k + 39}` : '%r.30'}, %v.${k + 2}`).join('\n');
    const ir = `function l $busy(w %x.0) {
@start.0
  %y.1 =l extsw %x.0
${live}
  switch w %x.0, @d.1, [10 @a.2, 11 @b.3, 12 @a.2, 13 @c.4, 15 @b.3]
@a.2
  jmp @j.5
@b.3
  jmp @j.5
@c.4
  jmp @j.5
@d.1
  jmp @j.5
@j.5
  %r.30 =l phi @a.2 1, @b.3 2, @c.4 3, @d.1 4
${sum}
  ret %s.57
}
`;
    const inputs = [9, 10, 11, 12, 13, 14, 15, 16];
    const calls = inputs.map((v, k) => `  %r.${k + 1} =l call $busy(${v})\n  call $print(%r.${k + 1})`).join('\n');
    const r = buildAndRun(`init $main\n${PRELUDE}\n${ir}\nfunction $main() {\n@start.0\n${calls}\n  ret\n}\n`);
    const pick = (v: number): number => ({ 10: 1, 11: 2, 12: 1, 13: 3, 15: 2 } as Record<number, number>)[v] ?? 4;
    const want = inputs.map((v) => pick(v) + Array.from({ length: 18 }, (_, k) => v * (k + 3)).reduce((a, b) => a + b, 0));
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(want.map(String));
  });
});

describe('switch on the kernel target', () => {
  it('assembles with its table of absolute block addresses in .rodata and no SSE', () => {
    const text = `init $kmain\n${switchFunc('sw', 'w', [[1n, 1n], [2n, 2n], [3n, 3n], [4n, 4n], [6n, 5n]], 0n)}
function $kmain() {
@start.0
  %r.1 =l call $sw(3)
  ret
}
`;
    const { text: asm } = generateAsm(parseModule(text), { target: TARGETS.kernel, debug: false });
    expect(asm).not.toMatch(/xmm/);
    const rodata = asm.slice(asm.indexOf('section .rodata'));
    expect(rodata).toMatch(/__tskc_jt_sw_0:\n\s+dq \$sw\.b\d+, \$sw\.b\d+/);
    expect(asm).toMatch(/lea \w+, \[rel \$?__tskc_jt_sw_0\]\n\s+jmp qword \[\w+ \+ \w+\*8\]/);
    const dir = mkdtempSync(join(tmpdir(), 'tskc-sw-'));
    try {
      writeFileSync(join(dir, 'k.asm'), asm);
      const r = spawnSync('nasm', ['-f', 'elf64', '-Werror=all', '-o', join(dir, 'k.o'), join(dir, 'k.asm')], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
