// The IR pass pipeline: one ordered table of passes (Go's ssa/compile.go is
// the model), ordering rules checked when the table is loaded, and the IR
// verifier after every pass when asked (always in tests).
import type { Func, Module } from '../ir/ir.js';
import { assertValid } from '../ir/verify.js';
import { boundsChecks } from './bce.js';
import { versionLoops } from './bcever.js';
import { constFold } from './constfold.js';
import { copyProp } from './copyprop.js';
import { deadCode } from './dce.js';
import { gvn } from './gvn.js';
import { inlineModule } from './inline.js';
import { licm } from './licm.js';
import { rematCompares } from './remat.js';
import { rotateLoops } from './rotate.js';
import { simplifyCfg } from './simplifycfg.js';
import { splitModule } from './split.js';
import { threadJumps } from './thread.js';

/** A pass runs on each function (`run`) or on the whole module at once (`runModule`: inlining). */
export type Pass = { name: string; run: (f: Func) => void } | { name: string; runModule: (m: Module) => void };

export const PASSES: Pass[] = [
  { name: 'copyprop', run: copyProp },
  { name: 'constfold', run: constFold },
  { name: 'simplifycfg', run: simplifyCfg },
  { name: 'copyprop-late', run: copyProp },
  { name: 'gvn', run: gvn },
  { name: 'dce', run: deadCode },
  // Callees are copied cleaned up; the copies are folded into their callers below.
  { name: 'inline', runModule: inlineModule },
  { name: 'constfold-inlined', run: constFold },
  { name: 'simplifycfg-inlined', run: simplifyCfg },
  { name: 'copyprop-inlined', run: copyProp },
  { name: 'gvn-inlined', run: gvn },
  // An inlined boolean's `phi 0, 1` and its test: each way in jumps where it leads.
  { name: 'thread', run: threadJumps },
  { name: 'simplifycfg-gvn', run: simplifyCfg },
  // Before rotation only a header's invariants can move (nothing else runs on every entry);
  // that leaves headers with just the test, which rotation copies.
  { name: 'licm-headers', run: licm },
  { name: 'rotate', run: rotateLoops },
  // A guard on constants (`0 < 100` before a counted loop) is decided here.
  { name: 'constfold-rotated', run: constFold },
  { name: 'simplifycfg-rotated', run: simplifyCfg },
  { name: 'licm', run: licm },
  // Hoisted loads and lengths meet their twins from outer loops and the code before.
  { name: 'gvn-licm', run: gvn },
  // A rotated loop's counter is tested against the length on every way in: its checks go.
  { name: 'bce', run: boundsChecks },
  // A counted loop's other checks (a bound that is not the length, a stride, an offset) are
  // tested once before it: a copy without them runs when they all hold.
  { name: 'bce-version', run: versionLoops },
  { name: 'simplifycfg-bce', run: simplifyCfg },
  // A test GVN shared between two branches is made again beside each, so both fuse.
  { name: 'remat', run: rematCompares },
  { name: 'dce-inlined', run: deadCode },
  // A base case that returns at once no longer pays for the calls of the other case.
  { name: 'split', runModule: splitModule },
];

/** [a, b]: pass a must run before pass b. */
const ORDER: [string, string][] = [
  ['constfold', 'simplifycfg'], // folded conditions become constant branches
  ['simplifycfg', 'dce'], // removed blocks leave dead definitions
  ['dce', 'inline'], // callees are measured and copied without their dead code
  ['inline', 'constfold-inlined'], // constant arguments fold in the copies
  ['constfold-inlined', 'simplifycfg-inlined'],
  ['simplifycfg-inlined', 'dce-inlined'],
  ['copyprop-late', 'gvn'], // copies would hide equal operands
  ['gvn', 'inline'], // callees are measured without their redundancies
  ['inline', 'gvn-inlined'], // a copy's loads and checks repeat its caller's
  ['gvn-inlined', 'simplifycfg-gvn'], // decided branches become jumps
  ['simplifycfg-inlined', 'thread'], // the copies' returns are merged into the phis threading reads
  ['gvn-inlined', 'thread'], // a test repeated after the copy is one value
  ['thread', 'simplifycfg-gvn'], // the blocks threaded past are left with no way in
  ['thread', 'rotate'], // a loop test that is threaded is no longer copied
  ['simplifycfg-gvn', 'licm-headers'], // only the loops that are left, their redundant loads merged
  ['simplifycfg-gvn', 'rotate'], // a header whose test was decided is no longer a loop test
  ['licm-headers', 'rotate'], // a header with a load in it cannot be copied
  ['rotate', 'constfold-rotated'], // the guard's copy of the test may be on constants
  ['constfold-rotated', 'simplifycfg-rotated'],
  ['simplifycfg-rotated', 'licm'], // a decided guard leaves no branch around the preheader
  ['rotate', 'licm'], // a rotated loop's body runs whenever its preheader does: loads may move there
  ['gvn-inlined', 'licm'], // redundant loads are merged before they are hoisted
  ['licm', 'gvn-licm'],
  ['rotate', 'bce'], // the counter's tests are at the guard and the latch only after rotation
  ['gvn-licm', 'bce'], // one length load, one truncation: the check and the test name the same values
  ['bce', 'simplifycfg-bce'], // a decided check leaves its panic block unreachable
  ['bce', 'bce-version'], // a loop over its array's length needs no copy
  ['rotate', 'bce-version'], // the counter is tested against its bound at the latch
  ['gvn-licm', 'bce-version'], // the lengths the checks read are loaded before the loop
  ['bce-version', 'simplifycfg-bce'], // the copy's decided checks leave their panic blocks
  ['simplifycfg-bce', 'dce-inlined'], // the check's compare is dead
  ['gvn-licm', 'dce-inlined'],
  ['gvn-licm', 'remat'], // no later GVN merges the copies again
  ['bce', 'remat'], // bce reads the loop tests as they were merged
  ['bce-version', 'remat'], // so does versioning, at the latch
  ['remat', 'dce-inlined'], // a comparison left with no use goes
  ['inline', 'split'], // a `.cold` part is never copied back into a caller
  ['dce-inlined', 'split'], // the entry's test is final: decided branches and dead code are gone
];

for (const [a, b] of ORDER) {
  const ia = PASSES.findIndex((p) => p.name === a);
  const ib = PASSES.findIndex((p) => p.name === b);
  if (ia < 0 || ib < 0 || ia > ib) throw new Error(`internal: pass ${a} must run before ${b}`);
}

export interface PassOptions {
  verify: boolean;
  /** Called after each pass (for --dump-ir style debugging and tests). */
  after?: (pass: string, m: Module) => void;
  /** Passes to skip, by name. */
  disable?: string[];
}

export function runPasses(m: Module, opts: PassOptions): void {
  for (const p of PASSES) {
    if (opts.disable?.includes(p.name)) continue;
    if ('runModule' in p) p.runModule(m);
    else for (const f of m.funcs) p.run(f);
    if (opts.verify) assertValid(m, p.name);
    opts.after?.(p.name, m);
  }
}
