// Switch statements lowered from TypeScript: integer switches whose cases
// are distinct constants (literals, const globals, enum members, constant
// operators) become one IR switch terminator, which isel makes a jump table
// when dense; bools and switches with a non-constant case keep the compare
// chain. The program runs natively and its output is checked case by case,
// default paths and range edges included.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';

const PROGRAM = `enum Color { Red, Green = 5, Blue, Black = -3 }
const K: i32 = 7;

function dense(n: i32): i32 {
  switch (n) {
    case -2: return 1;
    case -1: return 2;
    case 0: return 3;
    case 1: return 4;
    case 3: return 5;
    case K: return 6;
    case 2 + 2: return 7;
  }
  return 0;
}
function sparse(n: i32): i32 {
  let r: i32 = 0;
  switch (n) {
    case -100000: r = 1; break;
    case 7: r = 2;
    case 700: r += 3; break;
    default: r = 9;
    case 70000: r += 4;
  }
  return r;
}
function wide(n: i64): i64 {
  switch (n) {
    case 1_000_000_000_000: return 1;
    case 1_000_000_000_001: return 2;
    case 1_000_000_000_002: return 3;
    case 1_000_000_000_004: return 4;
    case -9_000_000_000_000: return 5;
    default: return -1;
  }
}
function ubig(n: u64): i32 {
  switch (n) {
    case 0xffff_ffff_ffff_ffff: return 1;
    case 0xffff_ffff_ffff_fffe: return 2;
    case 0: return 3;
    case 1: return 4;
    default: return 0;
  }
}
function byte(b: u8): i32 {
  switch (b) { case 0: return 1; case 1: return 2; case 2: return 3; case 255: return 4; case 254: return 5; }
  return 0;
}
function small(b: i8): i32 {
  switch (b) { case -128: return 1; case -1: return 2; case 0: return 3; case 127: return 4; case 1: return 5; }
  return 0;
}
function word(n: u32): i32 {
  switch (n) { case 0xffffffff: return 1; case 0xfffffffe: return 2; case 0: return 3; case 1: return 4; }
  return 0;
}
function color(c: Color): i32 {
  switch (c) { case Color.Red: return 10; case Color.Green: return 20; case Color.Blue: return 30; case Color.Black: return 40; }
  return 0;
}
function flag(b: bool): i32 {
  switch (b) { case true: return 1; case false: return 2; }
  return 0;
}
function nonConst(n: i32, m: i32): i32 {
  switch (n) { case m: return 1; case 2: return 2; case 3: return 3; case 4: return 4; case 5: return 5; }
  return 0;
}
for (let i: i32 = -4; i <= 9; i++) console.log(i, dense(i));
for (const v of [-100000, -99999, 6, 7, 8, 700, 701, 70000, 0]) console.log(v, sparse(v));
console.log(wide(999_999_999_999), wide(1_000_000_000_000), wide(1_000_000_000_001), wide(1_000_000_000_002), wide(1_000_000_000_003), wide(1_000_000_000_004), wide(1_000_000_000_005), wide(-9_000_000_000_000));
console.log(ubig(0xffff_ffff_ffff_ffff), ubig(0xffff_ffff_ffff_fffe), ubig(0xffff_ffff_ffff_fffd), ubig(0), ubig(1), ubig(2));
console.log(byte(0), byte(1), byte(2), byte(3), byte(253), byte(254), byte(255));
console.log(small(-128), small(-127), small(-1), small(0), small(1), small(2), small(126), small(127));
console.log(word(0xffffffff), word(0xfffffffe), word(0xfffffffd), word(0), word(1), word(2));
console.log(color(Color.Red), color(Color.Green), color(Color.Blue), color(Color.Black), color(1 as Color));
console.log(flag(true), flag(false));
console.log(nonConst(1, 1), nonConst(2, 2), nonConst(2, 9), nonConst(3, 0), nonConst(5, 0), nonConst(6, 0));
`;

const EXPECTED = `-4 0
-3 0
-2 1
-1 2
0 3
1 4
2 0
3 5
4 7
5 0
6 0
7 6
8 0
9 0
-100000 1
-99999 13
6 13
7 5
8 13
700 3
701 13
70000 4
0 13
-1 1 2 3 -1 4 -1 5
1 2 0 3 4 0
1 2 3 0 0 5 4
1 0 2 3 5 0 0 4
1 2 0 3 4 0
10 20 30 40 0
1 2
1 1 2 3 5 0
`;

/** The IR text of each function of `ir`, by name. */
function functions(ir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of ir.matchAll(/^(?:export )?function (?:[wlsd] )?\$(\S+)\(.*\{\n([\s\S]*?)^\}/gm)) out.set(m[1], m[2]);
  return out;
}

describe('switch statements lowered to the switch terminator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-swl-'));
  const src = join(dir, 'prog.ts');
  writeFileSync(src, PROGRAM);
  const build = (emit: 'ir' | 'asm' | 'exe', out: string): string => {
    compile({ entries: [src], target: 'linux', emit, output: join(dir, out), debug: false, verifyIr: true });
    return emit === 'exe' ? '' : readFileSync(join(dir, out), 'utf8');
  };

  it('uses a switch terminator for constant integer cases, a compare chain for bools and non-constant cases', () => {
    const fns = functions(build('ir', 'prog.ir'));
    for (const f of ['dense', 'sparse', 'wide', 'ubig', 'byte', 'small', 'word', 'color']) {
      expect(fns.get(f), f).toMatch(/\n  switch [wl] /);
    }
    expect(fns.get('dense')).toMatch(/switch w %n\.0, @endswitch\.\d+, \[-2 @case\.1, -1 @case\.2, 0 @case\.3, 1 @case\.4, 3 @case\.5, 7 @case\.6, 4 @case\.7\]/);
    expect(fns.get('wide')).toMatch(/switch l /);
    expect(fns.get('ubig')).toMatch(/switch l %n\.0, @default\.\d+, \[18446744073709551615 @case/);
    expect(fns.get('sparse')).toMatch(/switch w %n\.0, @default\.\d+, /);
    for (const f of ['flag', 'nonConst']) {
      expect(fns.get(f), f).not.toMatch(/\n  switch /);
      expect(fns.get(f), f).toMatch(/ceqw/);
    }
  });

  it('makes jump tables of the dense ones only', () => {
    const asm = build('asm', 'prog.asm');
    const tables = [...asm.matchAll(/^__tskc_jt_(\w+)_\d+:/gm)].map((m) => m[1]).sort();
    expect(tables).toEqual(['color', 'dense', 'ubig', 'word']);
  });

  it('runs with the right result for every case, the defaults and the range edges', () => {
    build('exe', 'prog');
    const r = spawnSync(join(dir, 'prog'), [], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(EXPECTED);
  });
});
