// Statement rules: which statements the subset has (docs/language.md §4),
// local variable types, and a walk that types every expression in a body.
import ts = require('typescript');
import { forOfElem, forOfFields } from './forof.js';
import { staticCondition } from './staticif.js';
import type { Sema } from './context.js';
import type { ExprTyper } from './expr.js';
import { unsupportedMessage } from './unsupported.js';
import { I32, STRING } from './types.js';
import type { MType } from './types.js';

export class StmtChecker {
  constructor(
    private readonly sema: Sema,
    private readonly ty: ExprTyper,
  ) {}

  /** Checks a function body (parameters are already in sema.locals). */
  body(block: ts.Block, ret: MType): void {
    this.list(block.statements, ret);
  }

  /** A statement list; nothing may follow a `noreturn` asm in it (docs/language.md §11.4). */
  private list(stmts: readonly ts.Statement[], ret: MType): void {
    stmts.forEach((s, k) => {
      this.stmt(s, ret);
      const next = stmts[k + 1];
      const call = ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) ? s.expression : undefined;
      if (next && call && this.sema.asmCalls.get(call)?.spec.options.includes('noreturn')) {
        this.sema.diags.error('TSK1028', next, `this statement can never run: the asm before it is 'noreturn'; remove it, or drop the option if the template does return`);
      }
    });
  }

  /** Checks the executable top-level statements of a file. */
  topLevel(sf: ts.SourceFile, ret: MType): void {
    for (const s of sf.statements) {
      if (ts.isFunctionDeclaration(s) || ts.isImportDeclaration(s) || ts.isTypeAliasDeclaration(s)) continue;
      if (ts.isInterfaceDeclaration(s) || ts.isExportDeclaration(s) || ts.isClassDeclaration(s)) continue;
      if (ts.isEnumDeclaration(s)) {
        this.enumDecl(s);
        continue;
      }
      if (ts.isVariableStatement(s)) continue; // globals: sema/declarations.ts
      if (ts.isModuleDeclaration(s) && this.sema.isRuntime(s)) continue;
      this.stmt(s, ret);
    }
  }

  stmt(s: ts.Statement, ret: MType): void {
    const ty = this.ty;
    if (ts.isBlock(s)) {
      this.list(s.statements, ret);
    } else if (ts.isExpressionStatement(s)) {
      ty.type(s.expression);
    } else if (ts.isVariableStatement(s)) {
      this.locals(s.declarationList);
    } else if (ts.isIfStatement(s)) {
      ty.condition(s.expression);
      // A static if: only the taken branch is typed (and lowered).
      const taken = staticCondition(this.sema, s.expression);
      if (taken !== undefined) this.sema.staticIfs.set(s, taken);
      if (taken !== false) this.stmt(s.thenStatement, ret);
      if (s.elseStatement && taken !== true) this.stmt(s.elseStatement, ret);
    } else if (ts.isWhileStatement(s) || ts.isDoStatement(s)) {
      ty.condition(s.expression);
      this.stmt(s.statement, ret);
    } else if (ts.isForStatement(s)) {
      if (s.initializer) {
        if (ts.isVariableDeclarationList(s.initializer)) this.locals(s.initializer);
        else ty.type(s.initializer);
      }
      if (s.condition) ty.condition(s.condition);
      if (s.incrementor) ty.type(s.incrementor);
      this.stmt(s.statement, ret);
    } else if (ts.isForOfStatement(s)) {
      this.forOf(s, ret);
    } else if (ts.isReturnStatement(s)) {
      if (s.expression) ty.expect(s.expression, ret, 'the return value');
    } else if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
      // TypeScript has checked that the label exists and encloses the statement.
    } else if (ts.isLabeledStatement(s)) {
      this.stmt(s.statement, ret);
    } else if (ts.isSwitchStatement(s)) {
      this.switchStmt(s, ret);
    } else if (ts.isThrowStatement(s)) {
      this.throwStmt(s);
    } else if (ts.isEmptyStatement(s)) {
      // nothing to check
    } else if (ts.isEnumDeclaration(s)) {
      this.sema.diags.error('TSK1001', s, `enums must be declared at the top level of a file`);
    } else if (ts.isFunctionDeclaration(s)) {
      this.sema.diags.error('TSK1001', s, `nested functions are closures, which tskc does not have; move '${s.name?.text ?? 'it'}' to the top level`);
    } else {
      this.sema.diags.error('TSK1001', s, unsupportedMessage(s));
    }
  }

  /**
   * switch: the discriminant and every case value share one integer type
   * (or bool); case values may be any expression of that type.
   */
  private switchStmt(s: ts.SwitchStatement, ret: MType): void {
    const t = this.ty.natural(s.expression) ?? I32;
    this.ty.expect(s.expression, t, 'switch');
    if (t.kind !== 'int' && t.kind !== 'bool') {
      this.sema.diags.error('TSK1008', s.expression, `switch works on integers and bools, not ${t.kind}`);
    }
    for (const clause of s.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) this.ty.expect(clause.expression, t, 'case');
      this.list(clause.statements, ret);
    }
  }

  /** `for (const x of array)`: x takes each element in order. */
  private forOf(s: ts.ForOfStatement, ret: MType): void {
    const t = this.ty.type(s.expression);
    const init = s.initializer;
    const decl = ts.isVariableDeclarationList(init) && init.declarations.length === 1 ? init.declarations[0] : undefined;
    // A class is walked by its @forOf fields (forof.ts), or the reason it cannot be.
    const fields = t.kind === 'class' ? forOfFields(t.info) : undefined;
    const walk = typeof fields === 'string' ? undefined : fields;
    const iterable = t.kind === 'array' || t.kind === 'string' || walk !== undefined;
    if (typeof fields === 'string') this.sema.diags.error('TSK1001', s.expression, fields);
    else if (s.awaitModifier || !iterable || !decl || !ts.isIdentifier(decl.name)) {
      this.sema.diags.error('TSK1001', s, `for…of needs an array, a string or a library container (docs/library.md) and one 'const' or 'let' variable`);
    }
    if (!iterable || !decl || !ts.isIdentifier(decl.name)) {
      this.stmt(s.statement, ret);
      return;
    }
    if (walk) this.sema.forOfs.set(s, walk);
    const sym = this.sema.symbolOf(decl.name);
    // Over a string, each character is a one-character string (docs/language.md §6.2).
    if (sym) this.sema.locals.set(sym, walk ? forOfElem(walk) : t.kind === 'string' ? STRING : (t as MType & { kind: 'array' }).elem);
    this.stmt(s.statement, ret);
  }

  /** `throw new Error(message)` is a panic (docs/language.md §6.4). */
  private throwStmt(s: ts.ThrowStatement): void {
    const e = s.expression;
    const ctor = ts.isNewExpression(e) ? this.sema.symbolOf(e.expression) : undefined;
    if (!ts.isNewExpression(e) || !ctor?.valueDeclaration || !this.sema.isRuntime(ctor.valueDeclaration) || ctor.name !== 'Error') {
      this.sema.diags.error('TSK1001', s, `only 'throw new Error(message)' is supported: it panics, as tskc has no exceptions`);
      return;
    }
    const msg = e.arguments?.[0];
    if (msg) this.ty.expect(msg, STRING, 'the Error message');
  }

  /** Enums: numeric members only (their values are i32 constants). */
  private enumDecl(e: ts.EnumDeclaration): void {
    for (const m of e.members) {
      const v = this.sema.checker.getConstantValue(m);
      if (typeof v !== 'number') {
        this.sema.diags.error('TSK1001', m, `string and computed enum members are not supported; give each member an integer value`);
      } else if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
        this.sema.diags.error('TSK1004', m, `enum values are i32; ${v} is not one`);
      }
    }
  }

  private locals(list: ts.VariableDeclarationList): void {
    if (!(list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) {
      this.sema.diags.error('TSK1001', list, unsupportedMessage(list));
    }
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) {
        this.sema.diags.error('TSK1001', d.name, unsupportedMessage(d.name));
        continue;
      }
      let t: MType;
      if (d.type) t = this.sema.typeFromNode(d.type);
      else if (d.initializer) t = this.ty.declaredType(d.initializer);
      else {
        this.sema.diags.error('TSK1005', d, `'${d.name.text}' needs a type annotation or an initializer`);
        t = I32;
      }
      if (t.kind === 'void' || t.kind === 'never') {
        this.sema.diags.error('TSK1008', d, `'${d.name.text}' cannot hold a ${t.kind} value`);
      }
      if (d.initializer) this.ty.expect(d.initializer, t, `'${d.name.text}'`);
      const sym = this.sema.symbolOf(d.name);
      if (sym) this.sema.locals.set(sym, t);
    }
  }
}
