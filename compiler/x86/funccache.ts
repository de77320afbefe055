// The machine functions of IR functions already compiled, for building
// several programs in one run (compileEach): the runtime and the library
// code the programs share lower to the same IR in each, so the backend's
// per-function work (out of SSA, isel, register allocation, frame) is done
// once. compileFunc reads nothing but the IR function, so the key is the
// whole function, every field (source locations included), written out
// generically: a field added to the IR later is part of the key without
// anyone remembering to add it.
import type { Func } from '../ir/ir.js';
import type { MFunc } from './minst.js';

export class FuncCache {
  private readonly done = new Map<string, MFunc>();

  /** The machine function for f: compiled by `compile` the first time f's exact IR is seen. */
  get(f: Func, compile: () => MFunc): MFunc {
    const key = funcKey(f);
    let mf = this.done.get(key);
    if (!mf) this.done.set(key, (mf = compile()));
    return mf;
  }
}

/** Every field of f as text; a block reached from an instruction, phi or terminator is written as its id. */
export function funcKey(f: Func): string {
  const blocks = new Set<unknown>(f.blocks);
  return JSON.stringify(f, function (this: unknown, _key: string, value: unknown) {
    if (typeof value === 'bigint') return { bigint: value.toString() };
    if (value instanceof Uint8Array) return { bytes: Array.from(value) };
    if (value instanceof Set || value instanceof Map) return { entries: [...value] };
    if (blocks.has(value) && this !== f.blocks) return { block: (value as { id: number }).id };
    return value;
  });
}
