// JavaScript globals that TypeScript accepts with tskc's declarations but
// tskc does not have: `Symbol` (declared only so that containers can say
// they are iterable, `[Symbol.iterator]` in an interface) and `globalThis`.
// Any other use is TSK1050, with the advice of diag/jsglobals.ts.
import ts = require('typescript');
import type { Sema } from './context.js';
import { jsGlobalAdvice } from '../diag/jsglobals.js';

export function checkJsGlobals(sema: Sema): void {
  for (const sf of sema.files) {
    if (sema.isRuntime(sf)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && (n.text === 'Symbol' || n.text === 'globalThis') && !declaresIteration(n) && isGlobal(sema, n)) {
        sema.diags.error('TSK1050', n, `'${n.text}' is JavaScript's, not part of tskc: ${jsGlobalAdvice(n.text)}`);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
}

/** `[Symbol.iterator]` naming an interface's method: what makes a @forOf container iterable for TypeScript. */
function declaresIteration(id: ts.Identifier): boolean {
  const access = id.parent;
  const computed = access?.parent;
  return ts.isPropertyAccessExpression(access) && access.expression === id && ts.isComputedPropertyName(computed) &&
    ts.isMethodSignature(computed.parent) && ts.isInterfaceDeclaration(computed.parent.parent);
}

/** Whether the name is the global (the runtime's declaration, or TypeScript's globalThis), not a local of that name. */
function isGlobal(sema: Sema, id: ts.Identifier): boolean {
  if (ts.isPropertyAccessExpression(id.parent) && id.parent.name === id) return false;
  const sym = sema.checker.getSymbolAtLocation(id);
  const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
  return !decl || sema.isRuntime(decl);
}
