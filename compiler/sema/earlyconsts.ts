// Module-level constants that class layouts may need. Classes are laid out
// before module-level variables are collected (a variable's initializer may
// `new` a class), but a field initializer or an inline array's length may
// name a constant: `readonly slots = new Uint64Array(SLOTS)`, `x: u64 = BASE`.
// So the `const` statements whose initializers are plain arithmetic over
// literals, other such constants and calls (conversions included) are
// collected first, each after the constants it names.
import ts = require('typescript');
import type { Sema } from './context.js';

/** The module-level `const` statements to collect before classes, in an order that puts each after what it names. */
export function earlyConstants(sema: Sema): ts.VariableStatement[] {
  const order: ts.VariableStatement[] = [];
  const state = new Map<ts.VariableStatement, 'visiting' | 'ok' | 'no'>();

  const statementOf = (id: ts.Identifier): ts.VariableStatement | undefined => {
    const d = sema.symbolOf(id)?.valueDeclaration;
    const st = d && ts.isVariableDeclaration(d) ? d.parent.parent : undefined;
    return st && ts.isVariableStatement(st) && ts.isSourceFile(st.parent) ? st : undefined;
  };

  /** Whether `e` is arithmetic over literals, eligible constants and calls of them. */
  const simple = (e: ts.Expression): boolean => {
    if (ts.isNumericLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return true;
    if (ts.isParenthesizedExpression(e)) return simple(e.expression);
    if (ts.isPrefixUnaryExpression(e)) return simple(e.operand);
    if (ts.isBinaryExpression(e)) return simple(e.left) && simple(e.right);
    if (ts.isCallExpression(e)) return ts.isIdentifier(e.expression) && !statementOf(e.expression) && e.arguments.every(simple);
    if (ts.isIdentifier(e)) {
      const st = statementOf(e);
      return st !== undefined && visit(st);
    }
    return false;
  };

  const visit = (st: ts.VariableStatement): boolean => {
    const seen = state.get(st);
    if (seen === 'visiting') return false; // a cycle: leave it to the usual order (and its diagnostics)
    if (seen) return seen === 'ok';
    const list = st.declarationList;
    if (!(list.flags & ts.NodeFlags.Const) || st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) {
      state.set(st, 'no');
      return false;
    }
    state.set(st, 'visiting');
    const ok = list.declarations.every((d) => ts.isIdentifier(d.name) && d.initializer !== undefined && simple(d.initializer));
    state.set(st, ok ? 'ok' : 'no');
    if (ok) order.push(st);
    return ok;
  };

  for (const sf of sema.files) for (const st of sf.statements) if (ts.isVariableStatement(st)) visit(st);
  return order;
}
