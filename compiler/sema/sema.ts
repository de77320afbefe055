// The semantic pass: runs after TypeScript's checker has accepted the
// program. It orders the files for initialisation, collects declarations,
// types every expression with machine types, and reports every construct
// outside the subset. Its result (Sema) is all lowering needs.
import ts = require('typescript');
import { Sema } from './context.js';
import { collectDeclarations } from './declarations.js';
import { checkNesting } from './depth.js';
import { ExprTyper } from './expr.js';
import { StmtChecker } from './stmt.js';
import { checkNakedFunctions } from './naked.js';
import { VOID } from './types.js';
import type { Target } from '../target/target.js';
import type { DiagnosticBag } from '../diag/diagnostic.js';
import { checkJsGlobals } from './jsglobals.js';

export function analyze(
  program: ts.Program,
  target: Target,
  roots: { runtime: string[]; entries: string[] },
  runtimeFiles: ReadonlySet<string>,
  diags: DiagnosticBag,
): Sema {
  const sema = new Sema(program, program.getTypeChecker(), target, diags, runtimeFiles);
  sema.files = initOrder(sema, roots);
  if (!checkNesting(sema)) return sema; // walking it would exhaust the compiler's stack
  checkJsGlobals(sema);
  const ty = new ExprTyper(sema);
  const stmts = new StmtChecker(sema, ty);
  ty.typeBody = (f) => {
    if (f.body) stmts.body(f.body, f.ret);
  };
  collectDeclarations(sema, ty);
  sema.declarationsDone = true;
  for (const info of sema.funcs.values()) {
    if (info.body) stmts.body(info.body, info.ret);
  }
  for (const sf of sema.files) stmts.topLevel(sf, VOID);
  // Generic class instances made so far, and those their bodies make.
  for (let f; (f = sema.pendingBodies.shift()); ) {
    const { body, ret, instance } = f;
    if (body && instance) sema.withFacts(instance.facts, instance.bindings, () => stmts.body(body, ret));
  }
  checkNakedFunctions(sema);
  return sema;
}

/**
 * Files in the order their top-level statements run: the runtime support
 * files first, then each entry's imports depth-first (a module runs after
 * everything it imports), each file once.
 */
function initOrder(sema: Sema, roots: { runtime: string[]; entries: string[] }): ts.SourceFile[] {
  const out: ts.SourceFile[] = [];
  const seen = new Set<ts.SourceFile>();
  const visit = (sf: ts.SourceFile | undefined): void => {
    if (!sf || seen.has(sf) || sf.isDeclarationFile) return;
    seen.add(sf);
    for (const st of sf.statements) {
      if ((ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier) {
        const mod = sema.checker.getSymbolAtLocation(st.moduleSpecifier);
        const decl = mod?.valueDeclaration;
        if (decl && ts.isSourceFile(decl)) visit(decl);
      }
    }
    out.push(sf);
  };
  for (const f of [...roots.runtime, ...roots.entries]) visit(sema.program.getSourceFile(f));
  return out;
}
