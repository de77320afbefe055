// Statement lowering: control flow to basic blocks. Blocks are sealed for
// SSA construction as soon as all their predecessors are known: a loop
// header once its back edge exists, a join once both arms have jumped to it.
import ts from 'typescript';
import type { FnCtx } from './context.js';
import { lowerCond, lowerExpr } from './expr.js';

export function lowerStmt(fx: FnCtx, s: ts.Statement): void {
  fx.setLoc(s);
  if (ts.isBlock(s)) {
    for (const x of s.statements) lowerStmt(fx, x);
  } else if (ts.isExpressionStatement(s)) {
    lowerExpr(fx, s.expression);
  } else if (ts.isVariableStatement(s)) {
    lowerLocals(fx, s.declarationList);
  } else if (ts.isIfStatement(s)) {
    lowerIf(fx, s);
  } else if (ts.isWhileStatement(s)) {
    lowerLoop(fx, { cond: s.expression, body: s.statement });
  } else if (ts.isDoStatement(s)) {
    lowerLoop(fx, { cond: s.expression, body: s.statement, condAfter: true });
  } else if (ts.isForStatement(s)) {
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) lowerLocals(fx, s.initializer);
      else lowerExpr(fx, s.initializer);
    }
    lowerLoop(fx, { cond: s.condition, body: s.statement, step: s.incrementor });
  } else if (ts.isReturnStatement(s)) {
    const v = s.expression ? lowerExpr(fx, s.expression) : null;
    fx.block.term = { kind: 'ret', value: fx.f.ret ? v : null };
    fx.deadEnd();
  } else if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
    const loop = fx.loops[fx.loops.length - 1];
    fx.jump(ts.isBreakStatement(s) ? loop.brk : loop.cont);
    fx.deadEnd();
  } else if (ts.isEmptyStatement(s) || ts.isFunctionDeclaration(s)) {
    // nothing to run
  } else {
    throw new Error(`internal: cannot lower ${ts.SyntaxKind[s.kind]}`);
  }
}

function lowerLocals(fx: FnCtx, list: ts.VariableDeclarationList): void {
  for (const d of list.declarations) {
    if (!d.initializer) continue; // TS requires assignment before use
    fx.setLoc(d);
    const v = lowerExpr(fx, d.initializer);
    fx.writeVar(fx.sema.symbolOf(d.name)!, v);
  }
}

function lowerIf(fx: FnCtx, s: ts.IfStatement): void {
  const then = fx.newBlock('then');
  const join = fx.newBlock('endif');
  const els = s.elseStatement ? fx.newBlock('else') : join;
  lowerCond(fx, s.expression, then, els);
  fx.enter(then);
  lowerStmt(fx, s.thenStatement);
  fx.jump(join);
  if (s.elseStatement) {
    fx.enter(els);
    lowerStmt(fx, s.elseStatement);
    fx.jump(join);
  }
  fx.enter(join);
}

interface Loop {
  cond?: ts.Expression;
  body: ts.Statement;
  step?: ts.Expression;
  condAfter?: boolean; // do … while
}

/**
 *   while:    jmp head; head: cond → body | exit; body: …; jmp head
 *   for:      … body: …; jmp step; step: incr; jmp head
 *   do-while: jmp body; body: …; jmp head; head: cond → body | exit
 */
function lowerLoop(fx: FnCtx, loop: Loop): void {
  const head = fx.newBlock('loop');
  const body = fx.newBlock('body');
  const step = loop.step ? fx.newBlock('step') : head;
  const exit = fx.newBlock('endloop');
  fx.jump(loop.condAfter ? body : head);
  if (!loop.condAfter) {
    fx.block = head; // sealed after the back edge
    if (loop.cond) lowerCond(fx, loop.cond, body, exit);
    else fx.jump(body);
    fx.enter(body);
  } else {
    fx.block = body; // its back edge comes from head
  }
  fx.loops.push({ brk: exit, cont: step });
  lowerStmt(fx, loop.body);
  fx.loops.pop();
  fx.jump(step);
  if (loop.step) {
    fx.enter(step);
    lowerExpr(fx, loop.step);
    fx.jump(head);
  }
  if (loop.condAfter) {
    fx.enter(head);
    if (loop.cond) lowerCond(fx, loop.cond, body, exit);
    else fx.jump(body);
    fx.ssa.seal(body);
  } else {
    fx.ssa.seal(head);
  }
  fx.enter(exit);
}
