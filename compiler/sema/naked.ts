// `@naked` functions (docs/language.md §11.5): a JSDoc tag on a top-level
// function. Such a function has no prologue or epilogue, so its body may
// only be inline asm statements without register operands (there is no
// frame to hold values; parameters are in their SysV registers, which the
// template reads directly). Marks FuncInfo.naked for lowering.
import ts = require('typescript');
import type { FuncInfo, Sema } from './context.js';

const hasNakedTag = (decl: ts.Node): boolean => ts.getJSDocTags(decl).some((t) => t.tagName.text === 'naked');

export function checkNakedFunctions(sema: Sema): void {
  for (const info of sema.funcs.values()) {
    if (!hasNakedTag(info.decl)) continue;
    if (!ts.isFunctionDeclaration(info.decl)) {
      sema.diags.error('TSK1029', info.decl, `only top-level functions can be @naked; make '${info.name}' a top-level function`);
      continue;
    }
    info.naked = true;
    for (const s of info.body?.statements ?? []) checkStatement(sema, info, s);
  }
  for (const g of sema.generics.values()) {
    if (hasNakedTag(g.decl)) sema.diags.error('TSK1029', g.decl, `a @naked function cannot be generic`);
  }
}

function checkStatement(sema: Sema, info: FuncInfo, s: ts.Statement): void {
  const call = ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) ? s.expression : undefined;
  const asm = call && sema.asmCalls.get(call);
  if (!asm) {
    sema.diags.error('TSK1029', s, `the body of @naked function '${info.name}' may only hold asm(…) statements: it has no prologue, so no frame for anything else; write this in the template, or call an ordinary function from it`);
  } else if (asm.operands.length > 0) {
    sema.diags.error('TSK1029', s, `asm in @naked function '${info.name}' cannot have register operands: there is no frame to move values through; read the parameters from their registers (rdi, rsi, rdx, rcx, r8, r9) in the template`);
  }
}
