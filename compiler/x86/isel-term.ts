// Instruction selection for terminators: jmp; jnz as test + jcc, or as the
// cmp/ucomis of the comparison defining its condition + jcc when that
// comparison has no other use (fused); ret (isel-call.ts); unreachable as ud2;
// and switch.
//
// A switch's case values are read as signed numbers of its class's width
// and sorted. Dense switches (at least JUMP_TABLE_MIN_CASES cases, and a span
// max − min + 1 of at most JUMP_TABLE_MAX_SPAN_PER_CASE × the case count)
// become a bounds check and an indirect jump through a table of block
// addresses (one row per value of the span, holes going to the default):
//     mov i, v            (mov32z for w: zero-extends the index)
//     sub i, min          (when min ≠ 0; wraps, so the check below is unsigned)
//     cmp i, span − 1
//     ja  default
//     lea t, [rel table]
//     jmp [t + i*8]       (jmptab; emit.ts writes the table's `dq` rows into
//                          .rodata once jump threading has settled the targets)
// Other switches compare: up to SEARCH_LEAF cases as a chain of cmp + je, more
// as a binary search over the sorted values (cmp middle; je; jl to a new block
// for the lower half, the upper half following), so n cases take O(log n)
// compares on any path.
import { opInfo, isFloatCls } from '../ir/ops.js';
import type { Block, Instr, SwitchCase, Terminator } from '../ir/ir.js';
import type { MBlock, RegOp, Width } from './minst.js';
import { W } from './isel-core.js';
import type { Selector, Test } from './isel-core.js';
import { compare } from './isel-int.js';
import { fcompare } from './isel-float.js';
import { selectReturn } from './isel-call.js';

/** The density rule for jump tables: at least this many cases… */
export const JUMP_TABLE_MIN_CASES = 4;
/** …and a span (max − min + 1) of at most this many times the case count. */
export const JUMP_TABLE_MAX_SPAN_PER_CASE = 3;
/** A sparse switch with at most this many cases (or a binary-search leaf) is a compare chain. */
const SEARCH_LEAF = 3;

/** Whether a switch with these (distinct) case values is selected as a jump table. */
export function isDenseSwitch(values: bigint[]): boolean {
  if (values.length < JUMP_TABLE_MIN_CASES) return false;
  let min = values[0];
  let max = values[0];
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return max - min + 1n <= BigInt(JUMP_TABLE_MAX_SPAN_PER_CASE * values.length);
}

/** The comparison defining b's jnz condition, when it can be emitted with the branch. */
export function fusable(s: Selector, b: Block): Instr | null {
  const t = b.term;
  if (t.kind !== 'jnz' || t.cond.kind !== 'temp') return null;
  const id = t.cond.id;
  const def = b.instrs.find((i) => i.dst?.id === id);
  if (!def || !opInfo(def.op).compare || s.useCount.get(id) !== 1) return null;
  return def;
}

/**
 * Emits b's terminator at the end of s.out. Returns the machine blocks it
 * added (the lower halves of a switch's binary search), to be laid out after b.
 */
export function selectTerm(s: Selector, b: Block, fused: Instr | null, depth: number): MBlock[] {
  const t = b.term;
  if (t.kind === 'jmp') {
    s.emit('jmp', [], { target: t.target.id });
  } else if (t.kind === 'jnz') {
    if (t.ifTrue === t.ifFalse || t.cond.kind !== 'temp') {
      const taken = t.ifTrue === t.ifFalse || (t.cond.kind === 'const' ? t.cond.value !== 0n : true);
      s.emit('jmp', [], { target: (taken ? t.ifTrue : t.ifFalse).id });
    } else {
      let test: Test = { cc: 'ne' };
      if (fused) {
        s.loc = fused.loc ?? s.loc;
        test = isFloatCls(fused.argCls) ? fcompare(s, fused) : { cc: compare(s, fused) };
      } else {
        const c = s.tempReg(t.cond.id, 4);
        s.emit('test', [c, c]);
      }
      // Float ==: unordered (PF) goes to false; float !=: unordered goes to true.
      if (test.parity) s.emit('jcc', [], { cc: 'p', target: (test.parity === 'and-np' ? t.ifFalse : t.ifTrue).id });
      s.emit('jcc', [], { cc: test.cc, target: t.ifTrue.id });
      s.emit('jmp', [], { target: t.ifFalse.id });
    }
  } else if (t.kind === 'switch') {
    return selectSwitch(s, b, t, depth);
  } else if (t.kind === 'ret') {
    selectReturn(s, t.value);
  } else {
    s.emit('ud2', []);
  }
  return [];
}

interface Arm { value: bigint; target: number }

function selectSwitch(s: Selector, b: Block, t: Terminator & { kind: 'switch' }, depth: number): MBlock[] {
  const w: Width = W(t.cls);
  const bits = w * 8;
  const arms: Arm[] = t.cases
    .map((c: SwitchCase) => ({ value: BigInt.asIntN(bits, c.value), target: c.target.id }))
    .sort((x, y) => (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));
  const dflt = t.default.id;
  if (t.value.kind === 'const') {
    const k = BigInt.asIntN(bits, t.value.value);
    s.emit('jmp', [], { target: arms.find((a) => a.value === k)?.target ?? dflt });
    return [];
  }
  if (arms.length === 0) {
    s.emit('jmp', [], { target: dflt });
    return [];
  }
  const v = s.inReg(t.value, w);
  if (isDenseSwitch(arms.map((a) => a.value))) {
    jumpTable(s, b, v, w, arms, dflt);
    return [];
  }
  const extra: MBlock[] = [];
  search(s, b, v, w, arms, dflt, depth, extra);
  return extra;
}

/** The bounds check and indirect jump of a dense switch (see the file header). */
function jumpTable(s: Selector, b: Block, v: RegOp, w: Width, arms: Arm[], dflt: number): void {
  const min = arms[0].value;
  const span = Number(arms[arms.length - 1].value - min) + 1;
  const i = s.newVreg(w);
  s.emit(w === 4 ? 'mov32z' : 'mov', [i, v]);
  if (min !== 0n) s.emit('sub', [i, s.src({ kind: 'const', value: min }, w)]);
  s.emit('cmp', [i, s.src({ kind: 'const', value: BigInt(span - 1) }, w)]);
  s.emit('jcc', [], { cc: 'a', target: dflt });
  const rows: number[] = new Array<number>(span).fill(dflt);
  for (const a of arms) rows[Number(a.value - min)] = a.target;
  const table = `__tskc_jt_${s.f.name}_${b.id}`;
  const base = s.newVreg(8);
  s.emit('lea', [base, { k: 'mem', w: 8, sym: table, disp: 0 }]);
  s.emit('jmptab', [base, { ...i, w: 8 }], { targets: rows, table });
}

/** Compares v with the sorted arms: a chain for a few, else a binary search (see the file header). */
function search(s: Selector, b: Block, v: RegOp, w: Width, arms: Arm[], dflt: number, depth: number, extra: MBlock[]): void {
  const cmp = (k: bigint): void => {
    const o = s.src({ kind: 'const', value: k }, w);
    if (o.k === 'imm' && o.v === 0n) s.emit('test', [v, v]);
    else s.emit('cmp', [v, o]);
  };
  if (arms.length <= SEARCH_LEAF) {
    for (const a of arms) {
      cmp(a.value);
      s.emit('jcc', [], { cc: 'e', target: a.target });
    }
    s.emit('jmp', [], { target: dflt });
    return;
  }
  const mid = arms.length >> 1;
  const lower = s.newBlockId();
  cmp(arms[mid].value);
  s.emit('jcc', [], { cc: 'e', target: arms[mid].target });
  s.emit('jcc', [], { cc: 'l', target: lower });
  search(s, b, v, w, arms.slice(mid + 1), dflt, depth, extra);
  const here = s.out;
  s.out = [];
  const block: MBlock = { id: lower, label: `${b.label}.lt`, insts: s.out, depth };
  extra.push(block);
  search(s, b, v, w, arms.slice(0, mid), dflt, depth, extra);
  s.out = here;
}
