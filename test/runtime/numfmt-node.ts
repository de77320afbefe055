// Runs runtime/process/numfmt.ts under Node: the source is transpiled by
// TypeScript after its memory intrinsics are renamed to width-specific
// helpers (type arguments vanish in JavaScript), and a prelude gives the tskc
// intrinsics their machine meaning over a JavaScript ArrayBuffer.
// The algorithm keeps every intermediate below 2^32 except the u64 bits of
// the double, which the prelude models as a BigInt, so Node computes exactly
// what the compiled code does.
import ts from 'typescript';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NUMFMT_SOURCE = join(import.meta.dirname, '../../runtime/process/numfmt.ts');

const PRELUDE = `
// Each memory.data block gets its own 8 KiB slot and every access is checked
// against the block's size, so an overrun is an error here, not a silent
// write into the next block.
const __SLOT = 8192;
const __mem = new ArrayBuffer(__SLOT * 16);
const __view = new DataView(__mem);
const __sizes = [0];
const __highWater = [0];
const memory = {
  data(n) {
    if (n > __SLOT || __sizes.length * __SLOT >= __mem.byteLength) throw new Error('prelude memory exhausted');
    __sizes.push(n);
    __highWater.push(0);
    return (__sizes.length - 1) * __SLOT;
  },
};
const __check = (addr, size) => {
  const slot = Math.floor(addr / __SLOT);
  if (!Number.isInteger(addr) || slot < 1 || slot >= __sizes.length || (addr % __SLOT) + size > __sizes[slot])
    throw new Error('access outside a memory.data block: ' + addr);
  const end = (addr % __SLOT) + size;
  if (end > __highWater[slot]) __highWater[slot] = end;
};
const __load_u8 = (a) => (__check(a, 1), __view.getUint8(a));
const __load_u32 = (a) => (__check(a, 4), __view.getUint32(a, true));
const __store_u8 = (a, v) => {
  __check(a, 1);
  if (!Number.isInteger(v) || v < 0 || v > 255) throw new Error('store<u8> of ' + v);
  __view.setUint8(a, v);
};
const __store_u32 = (a, v) => {
  __check(a, 4);
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new Error('store<u32> of ' + v);
  __view.setUint32(a, v, true);
};
const __f64 = new Float64Array(1);
const __bits = new BigUint64Array(__f64.buffer);
const __reinterpret_u64 = (x) => ((__f64[0] = x), __bits[0]);
// ToInt32 / ToUint32 wrap the exact value of any number, as the machine does.
const __big = (x, w, signed) => Number(signed ? BigInt.asIntN(w, x) : BigInt.asUintN(w, x));
const u8 = (x) => (typeof x === 'bigint' ? __big(x, 8, false) : x & 255);
const i8 = (x) => (typeof x === 'bigint' ? __big(x, 8, true) : (x << 24) >> 24);
const u16 = (x) => (typeof x === 'bigint' ? __big(x, 16, false) : x & 65535);
const i16 = (x) => (typeof x === 'bigint' ? __big(x, 16, true) : (x << 16) >> 16);
const u32 = (x) => (typeof x === 'bigint' ? __big(x, 32, false) : x >>> 0);
const i32 = (x) => (typeof x === 'bigint' ? __big(x, 32, true) : x | 0);
const u64 = (x) => BigInt.asUintN(64, typeof x === 'bigint' ? x : BigInt(Math.trunc(x)));
// Addresses stay far below 2^53, so they are plain numbers.
const usize = (x) => {
  if (!Number.isSafeInteger(x) || x < 0) throw new Error('usize of ' + x);
  return x;
};
export const __memory = __view;
export const __blocks = { sizes: __sizes, highWater: __highWater };
export const __outBuffer = memory.data(32);
`;

export interface NodeNumfmt {
  /** formatF64 run under Node, as a string. */
  format(x: number): string;
  /** Per memory.data block (in allocation order): its size and the highest byte offset touched so far. */
  blocks(): { size: number; highWater: number }[];
  /** The module's exports. */
  module: Record<string, unknown>;
}

/** Transpiles numfmt.ts with the prelude and imports it. */
export async function loadNumfmt(options: { exportAll?: boolean } = {}): Promise<NodeNumfmt> {
  let src = readFileSync(NUMFMT_SOURCE, 'utf8');
  // For unit tests of the helpers: every top-level function and constant exported.
  if (options.exportAll) src = src.replace(/^(function|const) /gm, 'export $1 ');
  const renames: [RegExp, string][] = [
    [/\bload<u8>\(/g, '__load_u8('],
    [/\bload<u32>\(/g, '__load_u32('],
    [/\bstore<u8>\(/g, '__store_u8('],
    [/\bstore<u32>\(/g, '__store_u32('],
    [/\breinterpret<u64>\(/g, '__reinterpret_u64('],
  ];
  for (const [re, to] of renames) src = src.replace(re, to);
  const left = /\b(load|store|reinterpret)</.exec(src);
  if (left) throw new Error(`numfmt-node: no prelude helper for ${left[0]}`);
  const js = ts.transpileModule(src, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const dir = mkdtempSync(join(tmpdir(), 'tskc-numfmt-'));
  const file = join(dir, 'numfmt.mjs');
  writeFileSync(file, PRELUDE + js);
  const mod = await import(pathToFileURL(file).href);
  const view: DataView = mod.__memory;
  const out: number = mod.__outBuffer;
  return {
    module: mod,
    format(x: number): string {
      const n: number = mod.formatF64(x, out);
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCharCode(view.getUint8(out + i));
      return s;
    },
    blocks() {
      const b = mod.__blocks;
      return b.sizes.slice(1).map((size: number, i: number) => ({ size, highWater: b.highWater[i + 1] }));
    },
  };
}
