// Statement lowering: control flow to basic blocks. Blocks are sealed for
// SSA construction as soon as all their predecessors are known: a loop
// header once its back edge exists, a join once both arms have jumped to it.
import ts = require('typescript');
import { charString } from './strings.js';
import type { Block, SwitchCase } from '../ir/ir.js';
import type { FnCtx } from './context.js';
import { cls, elementAddress, fieldPlace, loadOp, lowerCond, lowerExpr } from './expr.js';
import { forOfElem } from '../sema/forof.js';
import type { ForOfFields } from '../sema/facts.js';
import type { Value } from '../ir/ir.js';
import { constant } from '../ir/ir.js';
import { ARRAY_HEADER, isInt, storageOf, wrapTo } from '../sema/types.js';
import { constValue } from '../sema/consteval.js';
import type { MType } from '../sema/types.js';
import { panic } from './call.js';

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
  } else if (ts.isWhileStatement(s) || ts.isDoStatement(s) || ts.isForStatement(s)) {
    lowerLoopStmt(fx, s);
  } else if (ts.isForOfStatement(s)) {
    lowerForOf(fx, s);
  } else if (ts.isLabeledStatement(s)) {
    const inner = s.statement;
    if (ts.isForOfStatement(inner)) {
      lowerForOf(fx, inner, s.label.text);
    } else if (ts.isWhileStatement(inner) || ts.isDoStatement(inner) || ts.isForStatement(inner)) {
      lowerLoopStmt(fx, inner, s.label.text);
    } else {
      const end = fx.newBlock('endlabel');
      fx.loops.push({ brk: end, cont: null, label: s.label.text });
      lowerStmt(fx, inner);
      fx.loops.pop();
      fx.jump(end);
      fx.enter(end);
    }
  } else if (ts.isSwitchStatement(s)) {
    lowerSwitch(fx, s);
  } else if (ts.isReturnStatement(s)) {
    const v = s.expression ? lowerExpr(fx, s.expression) : null;
    fx.block.term = { kind: 'ret', value: fx.f.ret ? v : null };
    fx.deadEnd();
  } else if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) {
    fx.jump(jumpTarget(fx, s));
    fx.deadEnd();
  } else if (ts.isThrowStatement(s)) {
    const msg = (s.expression as ts.NewExpression).arguments?.[0];
    panic(fx, msg ? lowerExpr(fx, msg) : fx.mod.string('Error'), s);
  } else if (ts.isEmptyStatement(s) || ts.isFunctionDeclaration(s) || ts.isEnumDeclaration(s)) {
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
  const taken = fx.sema.staticIfs.get(s);
  if (taken !== undefined) {
    // A static if (sema/staticif.ts): the other branch was never typed.
    const branch = taken ? s.thenStatement : s.elseStatement;
    if (branch) lowerStmt(fx, branch);
    return;
  }
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

/** The block a break or continue jumps to (TypeScript has checked the label). */
function jumpTarget(fx: FnCtx, s: ts.BreakStatement | ts.ContinueStatement): Block {
  const isBreak = ts.isBreakStatement(s);
  for (let i = fx.loops.length - 1; i >= 0; i--) {
    const t = fx.loops[i];
    // Unlabelled: break leaves the nearest loop or switch, continue the
    // nearest loop; a labelled plain block is only a target by its label.
    const labelledBlock = t.cont === null && t.label !== undefined;
    if (s.label ? t.label !== s.label.text : labelledBlock || (!isBreak && !t.cont)) continue;
    if (isBreak) return t.brk;
    if (t.cont) return t.cont;
  }
  throw new Error(`internal: no target for ${s.getText()}`);
}

function lowerLoopStmt(fx: FnCtx, s: ts.WhileStatement | ts.DoStatement | ts.ForStatement, label?: string): void {
  if (ts.isWhileStatement(s)) return lowerLoop(fx, { cond: s.expression, body: s.statement, label });
  if (ts.isDoStatement(s)) return lowerLoop(fx, { cond: s.expression, body: s.statement, condAfter: true, label });
  if (s.initializer) {
    if (ts.isVariableDeclarationList(s.initializer)) lowerLocals(fx, s.initializer);
    else lowerExpr(fx, s.initializer);
  }
  lowerLoop(fx, { cond: s.condition, body: s.statement, step: s.incrementor, label });
}

/**
 * switch: the discriminant is evaluated once; bodies fall through to the
 * next one unless they break. When the discriminant is an integer and every
 * case is a distinct compile-time constant (literals, const globals, enum
 * members, operators over them), the dispatch is one IR `switch` terminator,
 * which the backend turns into a jump table when the cases are dense.
 * Otherwise (bools, non-constant or repeated cases) the discriminant is
 * compared with each case in order.
 */
function lowerSwitch(fx: FnCtx, s: ts.SwitchStatement): void {
  const t = fx.sema.typeOfExpr(s.expression);
  const disc = lowerExpr(fx, s.expression);
  const clauses = s.caseBlock.clauses;
  const bodies = clauses.map((c) => fx.newBlock(ts.isCaseClause(c) ? 'case' : 'default'));
  const end = fx.newBlock('endswitch');
  const dflt = clauses.findIndex((c) => ts.isDefaultClause(c));
  const otherwise = dflt >= 0 ? bodies[dflt] : end;
  // The cases as (value, body) pairs when t is an integer type and every case
  // is a distinct constant of t (sema has checked that they fit t); else none.
  const constantCases = (): SwitchCase[] | undefined => {
    if (!isInt(t)) return undefined;
    const out: SwitchCase[] = [];
    const seen = new Set<bigint>();
    for (const [i, c] of clauses.entries()) {
      if (!ts.isCaseClause(c)) continue;
      const value = constValue(fx.sema, c.expression, t);
      if (value === undefined || wrapTo(t, value) !== value || seen.has(value)) return undefined;
      seen.add(value);
      out.push({ value, target: bodies[i] });
    }
    return out.length > 0 ? out : undefined;
  };
  const cases = constantCases();
  if (cases && isInt(t)) {
    fx.block.term = { kind: 'switch', cls: t.bits === 64 ? 'l' : 'w', value: disc, cases, default: otherwise };
    for (const target of new Set([...cases.map((c) => c.target), otherwise])) fx.ssa.addEdge(fx.block, target);
  } else {
    clauses.forEach((c, i) => {
      if (!ts.isCaseClause(c)) return;
      fx.setLoc(c);
      const next = fx.newBlock('nextcase');
      const eq = fx.emit('ceq', 'w', [disc, lowerExpr(fx, c.expression)], { argCls: cls(t) });
      fx.branch(eq, bodies[i], next);
      fx.enter(next);
    });
    fx.jump(otherwise);
  }
  fx.loops.push({ brk: end, cont: null });
  clauses.forEach((c, i) => {
    fx.enter(bodies[i]);
    for (const x of c.statements) lowerStmt(fx, x);
    fx.jump(i + 1 < bodies.length ? bodies[i + 1] : end);
  });
  fx.loops.pop();
  fx.enter(end);
}

/**
 * for (const x of a): an index from 0 while below a's length (fixed, so
 * read once), x = a[i] without a second bounds check.
 */
function lowerForOf(fx: FnCtx, s: ts.ForOfStatement, label?: string): void {
  const walk = fx.sema.forOfs.get(s);
  const t = fx.sema.typeOfExpr(s.expression) as MType & { kind: 'array' | 'string' };
  const arr = lowerExpr(fx, s.expression);
  // An array's or string's length is fixed; a @forOf object's count is read at each step (the body may change it).
  const len = walk ? undefined : fx.emit('loadl', 'l', [arr], { invariant: true });
  const index = {};
  fx.writeVar(index, constant(0));
  const head = fx.newBlock('forof');
  const body = fx.newBlock('forof.body');
  const step = fx.newBlock('forof.next');
  const exit = fx.newBlock('forof.end');
  fx.jump(head);
  fx.block = head; // sealed after the back edge
  const i = fx.readVar(index, 'l');
  const bound = walk ? fx.emit('extsw', 'l', [fieldPlace(fx, walk.count, arr).read()]) : len!;
  fx.branch(fx.emit(walk ? 'cslt' : 'cult', 'w', [i, bound], { argCls: 'l' }), body, exit);
  fx.enter(body);
  const decl = (s.initializer as ts.VariableDeclarationList).declarations[0];
  const elem = walk ? forOfElement(fx, walk, arr, i)
    : t.kind === 'string' ? charString(fx, arr, i, s, false)
    : fx.emit(loadOp(t.elem), cls(t.elem), [elementAddress(fx, arr, i, storageOf(t.elem).size)]);
  fx.writeVar(fx.sema.symbolOf(decl.name)!, elem);
  fx.loops.push({ brk: exit, cont: step, label });
  lowerStmt(fx, s.statement);
  fx.loops.pop();
  fx.jump(step);
  fx.enter(step);
  fx.writeVar(index, fx.emit('add', 'l', [fx.readVar(index, 'l'), constant(1)]));
  fx.jump(head);
  fx.ssa.seal(head);
  fx.enter(exit);
}

/** Element i of a @forOf object's array field, reread at each step; i < count, and the class keeps count within the array. */
function forOfElement(fx: FnCtx, walk: ForOfFields, obj: Value, i: Value): Value {
  const items = fieldPlace(fx, walk.items, obj).read();
  const elem = forOfElem(walk);
  const size = storageOf(elem).size;
  const offset = fx.emit('add', 'l', [fx.emit('mul', 'l', [i, constant(size)]), constant(ARRAY_HEADER)]);
  return fx.emit(loadOp(elem), cls(elem), [fx.emit('add', 'l', [items, offset])]);
}

interface Loop {
  cond?: ts.Expression;
  body: ts.Statement;
  step?: ts.Expression;
  condAfter?: boolean; // do … while
  label?: string;
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
  fx.loops.push({ brk: exit, cont: step, label: loop.label });
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
