// for…of over an object (docs/language.md §4, docs/library.md): a class
// tagged `@forOf ITEMS COUNT`, ITEMS an array field and COUNT an i32 field,
// is walked as obj.ITEMS[0 … obj.COUNT), both fields read again at each
// step (the loop body may push). The library's containers use it; TypeScript
// accepts the loop because the class also declares `[Symbol.iterator]`.
import ts = require('typescript');
import type { ClassInfo, FieldInfo } from './classes.js';
import type { ForOfFields } from './facts.js';
import type { MType } from './types.js';

/** The fields a `@forOf` class is walked by, or a reason it cannot be. */
export function forOfFields(info: ClassInfo): ForOfFields | string {
  const tag = ts.getJSDocTags(info.decl).find((t) => t.tagName.text === 'forOf');
  if (!tag) return `class '${info.name}' cannot be iterated: for…of needs an array, a string or a class tagged @forOf (such as Vec, docs/library.md)`;
  const names = (typeof tag.comment === 'string' ? tag.comment : '').trim().split(/\s+/);
  const field = (name: string | undefined): FieldInfo | undefined => [...info.fieldByDecl.values()].find((f) => f.name === name);
  const items = field(names[0]);
  const count = field(names[1]);
  if (names.length !== 2 || !items || items.type.kind !== 'array' || !count || count.type.kind !== 'int' || count.type.name !== 'i32') {
    return `@forOf on '${info.name}' needs an array field and an i32 field: @forOf ITEMS COUNT`;
  }
  return { items, count };
}

/** The element type of a @forOf class's loop. */
export function forOfElem(f: ForOfFields): MType {
  return (f.items.type as MType & { kind: 'array' }).elem;
}
