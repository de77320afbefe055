// The backend's cache of compiled functions (compiler/x86/funccache.ts):
// equal IR functions share one compilation, and any difference, including
// a source location or a field the key's writer has never heard of, makes
// a different key.
import { describe, expect, it } from 'vitest';
import { parseModule } from '../../compiler/ir/parse.js';
import { FuncCache, funcKey } from '../../compiler/x86/funccache.js';
import type { Func } from '../../compiler/ir/ir.js';
import type { MFunc } from '../../compiler/x86/minst.js';

const TEXT = `export function w $f(w %a.0) {
@entry.0
  %c.1 =w csltw %a.0, 10
  jnz %c.1, @loop.1, @done.2
@loop.1
  %b.2 =w phi @entry.0 %a.0, @loop.1 %d.3
  %d.3 =w add %b.2, 1
  %e.4 =w csltw %d.3, 10
  jnz %e.4, @loop.1, @done.2
@done.2
  ret 0
}
`;
const func = (text = TEXT): Func => parseModule(text).funcs[0];

describe('FuncCache', () => {
  it('compiles an IR function once however many equal copies it is given', () => {
    const cache = new FuncCache();
    let compiles = 0;
    const compile = (): MFunc => ({ name: `m${++compiles}` }) as unknown as MFunc;
    const first = cache.get(func(), compile);
    expect(cache.get(func(), compile)).toBe(first);
    expect(compiles).toBe(1);
    expect(cache.get(func(TEXT.replace('10', '11')), compile)).not.toBe(first);
    expect(compiles).toBe(2);
  });

  it('keys on every field: constants, source locations, fields added later', () => {
    const base = funcKey(func());
    expect(funcKey(func())).toBe(base);
    const loc = func();
    loc.blocks[1].instrs[0].loc = { file: 'a.ts', line: 3, col: 1 };
    const otherLoc = func();
    otherLoc.blocks[1].instrs[0].loc = { file: 'b.ts', line: 3, col: 1 };
    const newField = func();
    (newField.blocks[2] as unknown as { hot: boolean }).hot = true;
    const keys = [base, funcKey(loc), funcKey(otherLoc), funcKey(newField), funcKey(func(TEXT.replace('ret 0', 'ret 1')))];
    expect(new Set(keys).size).toBe(keys.length);
    // Blocks reached from phis and terminators are written by id, so the loop does not recurse.
    expect(base).toContain('"block":1');
  });
});
