// JavaScript globals and built-in methods outside the subset: each gets
// TSK1050 naming what to use instead (a library type, or why there is
// none), never TypeScript's "change your target library" advice; so does
// for…of over a container it cannot walk, with the loop to write.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../compiler/driver/pipeline.js';
import { CompileError } from '../../compiler/diag/diagnostic.js';
import { scratch } from '../compiler/programs.js';

/** A line using a global or method, and what its diagnostic must name. */
const CASES: [code: string, names: string][] = [
  ['const xs: i32[] = [1, 2]; xs.push(3);', 'Vec<T>'],
  ['const xs: i32[] = [1, 2]; xs.pop();', 'Vec<T>'],
  ['const xs: i32[] = [1, 2]; xs.splice(0, 1);', 'Vec<T>'],
  ['const xs: i32[] = [1, 2]; xs.shift();', 'RingBuffer<T>'],
  ['const xs: i32[] = [1, 2]; xs.sort();', 'sortRange'],
  ['const xs: i32[] = [1, 2]; const ys = xs.map;', 'closures'],
  ['const xs: i32[] = [1, 2]; const b = xs.includes(1);', 'binarySearch'],
  ['const xs: i32[] = [1, 2]; const t = xs.join(",");', 'TextBuilder'],
  ['const a = Array.from([1]);', 'Vec<T>'],
  ['const m = new Map<i32, i32>();', 'HashMap<K, V>'],
  ['const s = new Set<i32>();', 'HashSet<K>'],
  ['const w = new WeakMap<object, i32>();', 'garbage collector'],
  ['const w = new WeakSet<object>();', 'garbage collector'],
  ['const p = Promise.resolve(1);', 'async runtime'],
  ['const j = JSON.stringify(1);', 'TextBuilder'],
  ['const k = Object.keys(1);', 'no reflection'],
  ['const r = Reflect.ownKeys(1);', 'no reflection'],
  ['const b = BigInt(1);', 'i64'],
  ['const d = Date.now();', 'clock'],
  ['const n = parseInt("1");', 'parseI64'],
  ['const f = parseFloat("1");', 'parseI64'],
  ['const c = String.fromCharCode(65);', 'TextBuilder'],
  ['const n = Number.MAX_SAFE_INTEGER;', 'machine types'],
  ['const parts = "a,b".split(",");', 'Fields'],
  ['const i = "abc".indexOf("b");', 'findString'],
  ['const u = "abc".toUpperCase();', 'TextBuilder'],
  ['const e = new TypeError("x");', 'throw new Error'],
  ['const b = new ArrayBuffer(8);', 'Uint8Array'],
  ['const v = new DataView(0);', 'load<T>'],
  ['const f = new Float64Array(2);', 'f64[]'],
  ['setTimeout(0, 1);', 'MinHeap'],
  ['for (const k of new HashMap<i32, i32>()) k;', 'm.next(-1)'],
  ['for (const x of new List<Node>(0, 8)) x;', 'list.nextOf(x)'],
  ['for (const b of new BitSet(8)) b;', 'firstSet'],
  ['for (const n of new Node()) n;', '@forOf ITEMS COUNT'],
];

/** Globals TypeScript accepts with tskc's declarations (tskc's own pass rejects them, once TypeScript has no errors). */
const ACCEPTED_BY_TSC: [code: string, names: string][] = [
  ['const y = Symbol("x");', 'no symbols'],
  ['const it = Symbol.iterator;', 'no symbols'],
  ['const g = globalThis;', 'no global object'],
];

/** Compiles one function per case, one case per line; returns the diagnostics with their 0-based lines. */
function diagnosticsOf(cases: [string, string][]): { code: string; line: number; message: string }[] {
  const file = join(scratch(), 'globals.ts');
  const prelude = "import { BitSet, HashMap, List } from 'tskc:collections'; class Node { next: Node | null = null; prev: Node | null = null }";
  writeFileSync(file, cases.map(([code], i) => `function f${i}(): void { ${code} }`).join('\n') + `\n${prelude}\n`);
  try {
    compile({ entries: [file], target: 'linux', emit: 'asm', output: join(scratch(), 'x.asm'), debug: false });
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return e.diagnostics.map((d) => ({ code: d.code, message: d.message, line: d.file!.getLineAndCharacterOfPosition(d.start!).line }));
  }
  return [];
}

describe('JavaScript globals get TSK1050 with the library type to use', () => {
  for (const [what, cases] of [['TypeScript', CASES], ['tskc', ACCEPTED_BY_TSC]] as const) {
    it(`names the replacement on each line (globals ${what} reports), never "change your target library"`, () => {
      const diags = diagnosticsOf([...cases]);
      for (const d of diags) expect(d.message).not.toMatch(/change your target library/);
      cases.forEach(([code, names], line) => {
        const mine = diags.filter((d) => d.line === line && d.code === 'TSK1050');
        expect(mine.length, `${code}: ${JSON.stringify(diags.filter((d) => d.line === line))}`).toBeGreaterThan(0);
        expect(mine[0]!.message, code).toContain(names);
        expect(mine[0]!.message).toMatch(/docs\/language\.md §9/);
      });
    });
  }
});
