// Attributes: JSDoc tags on declarations that change how they are compiled
// (docs/language.md §12). `@interrupt` (a handler with a generated entry
// stub), `@section NAME`, `@align N`, `@packed`, `@export NAME`,
// `@extern NAME`, `@noinline`; `@noreturn` is answered with a pointer to `: never`.
// This file reads and checks the tags; declarations.ts and classes.ts
// apply them.
import ts = require('typescript');
import type { Sema } from './context.js';
import { INT_TYPES, typeName } from './types.js';
import type { MType } from './types.js';

export interface Attrs {
  interrupt?: true;
  section?: string;
  align?: number;
  packed?: true;
  exportName?: string;
  externName?: string;
  /** Calls stay calls: the function is never inlined (passes/inline.ts). */
  noinline?: true;
  /** Never set: a diagnostic asks for the `never` return type instead. */
  noreturn?: true;
}

type Place = 'function' | 'extern function' | 'global' | 'extern global' | 'class';

/** Which tags each kind of declaration takes. */
const ALLOWED: Record<Place, (keyof Attrs)[]> = {
  function: ['interrupt', 'section', 'exportName', 'noinline', 'noreturn'],
  'extern function': ['externName', 'noreturn'],
  global: ['section', 'align', 'exportName'],
  'extern global': ['externName'],
  class: ['align', 'packed'],
};

const TAGS: Record<string, keyof Attrs> = {
  interrupt: 'interrupt', section: 'section', align: 'align', packed: 'packed',
  export: 'exportName', extern: 'externName', noinline: 'noinline', noreturn: 'noreturn',
};
const SPELLING: Record<keyof Attrs, string> = {
  interrupt: '@interrupt', section: '@section', align: '@align', packed: '@packed',
  exportName: '@export', externName: '@extern', noinline: '@noinline', noreturn: '@noreturn',
};

/** Section names: what ELF and NASM accept without quoting. */
const SECTION_NAME = /^\.?[A-Za-z_][A-Za-z0-9_.$]*$/;
/** Linker symbols: C-like names. */
const SYMBOL_NAME = /^[A-Za-z_][A-Za-z0-9_.$]*$/;

function tagText(tag: ts.JSDocTag): string {
  const c = tag.comment;
  return (typeof c === 'string' ? c : (c ?? []).map((p) => p.text).join('')).trim();
}

/**
 * The attributes of a declaration (a function, variable statement or class),
 * each checked: known tag, allowed here, a valid argument. Problems are
 * TSK1030. JSDoc tags tskc does not own (@param, @returns…) are ignored.
 */
export function readAttrs(sema: Sema, node: ts.Node, place: Place): Attrs {
  const attrs: Attrs = {};
  if (sema.isRuntime(node)) return attrs;
  for (const tag of ts.getJSDocTags(node)) {
    const key = TAGS[tag.tagName.text];
    if (!key) continue;
    const arg = tagText(tag);
    const bad = (why: string): void => sema.diags.error('TSK1030', tag, `${SPELLING[key]} ${why}`);
    if (!ALLOWED[place].includes(key)) {
      const where = (Object.keys(ALLOWED) as Place[]).filter((p) => ALLOWED[p].includes(key)).join(', ');
      bad(`does not apply to a ${place}; it applies to: ${where}`);
      continue;
    }
    switch (key) {
      case 'noreturn':
        bad(`is written as the return type in tskc: declare the function ': never' (TypeScript then checks that it cannot return, and tskc ends the code path after each call)`);
        break;
      case 'interrupt':
      case 'packed':
      case 'noinline':
        if (arg) bad(`takes no argument (found '${arg}')`);
        attrs[key] = true;
        break;
      case 'section':
        if (!SECTION_NAME.test(arg)) bad(`needs a section name such as '.user.text' (letters, digits, '_', '.', '$'), found '${arg}'`);
        else attrs.section = arg;
        break;
      case 'exportName':
      case 'externName':
        if (!SYMBOL_NAME.test(arg)) bad(`needs a symbol name such as 'kernel_entry' (letters, digits, '_', '.', '$'), found '${arg}'`);
        else attrs[key] = arg;
        break;
      case 'align': {
        const n = /^\d+$/.test(arg) ? Number(arg) : NaN;
        if (!(n >= 1 && n <= 4096 && (n & (n - 1)) === 0)) bad(`needs a power of two from 1 to 4096, found '${arg}'`);
        else attrs.align = n;
        break;
      }
    }
  }
  if (attrs.interrupt && sema.target.name !== 'kernel') {
    sema.diags.error('TSK1031', node, `@interrupt handlers exist on the kernel target only, not on '${sema.target.name}'; remove the tag`);
    delete attrs.interrupt;
  }
  return attrs;
}

/** Whether t is the runtime's InterruptFrame class. */
function isFrame(sema: Sema, t: MType): boolean {
  return t.kind === 'class' && t.info.name === 'InterruptFrame' && sema.isRuntime(t.info.decl);
}

/**
 * An @interrupt handler is `(frame: InterruptFrame): void` or, for vectors
 * that push an error code, `(frame: InterruptFrame, error: u64): void`.
 * Returns whether it takes the error code; a wrong signature is TSK1031.
 */
export function checkInterruptSignature(sema: Sema, decl: ts.FunctionDeclaration, params: MType[], ret: MType): boolean {
  const ok = (params.length === 1 || params.length === 2) && isFrame(sema, params[0]) &&
    (params.length === 1 || (params[1].kind === 'int' && params[1] === INT_TYPES.u64)) && ret.kind === 'void';
  if (!ok) {
    const got = `(${params.map(typeName).join(', ')}) => ${typeName(ret)}`;
    sema.diags.error('TSK1031', decl.name ?? decl, `an @interrupt handler is '(frame: InterruptFrame): void', or '(frame: InterruptFrame, error: u64): void' for a vector with an error code, not '${got}'`);
  }
  return params.length === 2;
}
