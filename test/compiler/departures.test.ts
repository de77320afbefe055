// Rows of docs/language.md §3.2's table of departures from JavaScript: each
// program prints what the table says under tskc (linux target) and under
// Node, and the table's portable form prints the same under both.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileAndRun, runUnderNode, scratch } from './programs.js';

interface Row {
  name: string;
  /** Declarations, then one console.log of the departing expressions. */
  program: string;
  tskc: string;
  node: string;
  /** The same values written the portable way: prints the same under both. */
  portable: string;
  both: string;
}

const ROWS: Row[] = [
  {
    name: 'bit operators giving a u32 with the top bit set, and ~ on unsigned types',
    program: 'const y: u32 = 0x80000000;\nconst s: u32 = 1;\nconst b: u8 = 0;\nconsole.log(y & 0xf0000000, y | 1, y ^ 0, s << 31, ~s, ~b);\n',
    tskc: '2147483648 2147483649 2147483648 2147483648 4294967294 255\n',
    node: '-2147483648 -2147483647 -2147483648 -2147483648 -2 -1\n',
    portable: 'const y: u32 = 0x80000000;\nconst s: u32 = 1;\nconst b: u8 = 0;\nconsole.log(u32(y & 0xf0000000), u32(y | 1), u32(y ^ 0), u32(s << 31), u32(~s), u8(~b));\n',
    both: '2147483648 2147483649 2147483648 2147483648 4294967294 255\n',
  },
  {
    name: 'integer results that are -0 in JavaScript',
    program: 'const a: i32 = -8;\nconst n: i64 = -5;\nconst z: i32 = 0;\nconsole.log(a % 2, n % 5, n * 0, -z, a % 2 === 0);\n',
    tskc: '0 0 0 0 true\n',
    node: '-0 -0 -0 -0 true\n',
    portable: 'const a: i32 = -8;\nconst n: i64 = -5;\nconst z: i32 = 0;\nconsole.log(i32(a % 2), i32(n % 5), i32(n * 0), i32(-z), a % 2 === 0);\n',
    both: '0 0 0 0 true\n',
  },
  {
    name: 'f32 values that are not exactly an f32',
    program: 'const c: f32 = 0.1;\nlet d: f32 = 0.5;\nd = d * 3.0;\nconsole.log(c, d, c * 2.0);\n',
    tskc: '0.10000000149011612 1.5 0.20000000298023224\n',
    node: '0.1 1.5 0.2\n',
    portable: 'const c: f64 = 0.1;\nlet d: f32 = 0.5;\nd = d * 3.0;\nconsole.log(c, d, c * 2.0);\n',
    both: '0.1 1.5 0.2\n',
  },
];

function write(source: string): string {
  const file = join(scratch(), 'departure.ts');
  writeFileSync(file, source);
  return file;
}

describe('departures from JavaScript (docs/language.md §3.2)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const file = write(row.program);
      expect(compileAndRun(file).stdout).toBe(row.tskc);
      expect(runUnderNode(file).stdout).toBe(row.node);
      const portable = write(row.portable);
      expect(compileAndRun(portable).stdout).toBe(row.both);
      expect(runUnderNode(portable).stdout).toBe(row.both);
    });
  }
});
