// How deeply the source nests. Sema, lowering and the backend walk
// expressions recursively, so a pathological expression (thousands of
// chained `+`, or of nested parentheses) would exhaust the compiler's stack.
// Before any of them run, an iterative walk finds syntax nested more than
// MAX_DEPTH levels and reports it (TSK1044) where it starts, with what to
// write instead, so the compiler never crashes on it.
import ts = require('typescript');
import type { Sema } from './context.js';

/** The deepest nesting of syntax nodes tskc compiles (real code stays far below: a few dozen). */
export const MAX_DEPTH = 400;

/** Reports each file's first node deeper than MAX_DEPTH; whether the files are within the limit. */
export function checkNesting(sema: Sema): boolean {
  let ok = true;
  for (const sf of sema.files) {
    const deep = firstTooDeep(sf);
    if (!deep) continue;
    ok = false;
    sema.diags.error('TSK1044', deep, `this ${ts.SyntaxKind[deep.kind]} nests more than ${MAX_DEPTH} levels deep; split it into statements with intermediate variables`);
  }
  return ok;
}

/** The outermost node at depth MAX_DEPTH of the first path that goes that deep, found without recursion. */
function firstTooDeep(sf: ts.SourceFile): ts.Node | undefined {
  const stack: [ts.Node, number][] = [[sf, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth === MAX_DEPTH) return node;
    const children: ts.Node[] = [];
    node.forEachChild((c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return undefined;
}
