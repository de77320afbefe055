// The pass pipeline end to end: real programs (test/compiler/run and the
// kernel's entry) lowered to IR the way compiler/driver/pipeline.ts does it,
// then runPasses with the verifier after every pass. Each pass must leave
// every function valid, inlining may at most double the code, the result
// must survive a print/parse round trip, and running the whole pipeline
// again must keep it valid.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CompileError, DiagnosticBag } from '../../compiler/diag/diagnostic.js';
import { createFrontend } from '../../compiler/frontend/program.js';
import { analyze } from '../../compiler/sema/sema.js';
import { lowerProgram } from '../../compiler/lower/lower.js';
import { TARGETS } from '../../compiler/target/target.js';
import { PASSES, runPasses } from '../../compiler/passes/pipeline.js';
import { verifyModule } from '../../compiler/ir/verify.js';
import { printModule } from '../../compiler/ir/print.js';
import { parseModule } from '../../compiler/ir/parse.js';
import type { Module } from '../../compiler/ir/ir.js';

const RUN = join(import.meta.dirname, '..', 'compiler', 'run');

function lower(file: string): Module {
  const target = TARGETS.linux;
  const diags = new DiagnosticBag();
  const fe = createFrontend([file], target, diags);
  diags.throwIfErrors();
  const sema = analyze(fe.program, target, { runtime: fe.runtime, entries: fe.entries }, fe.runtimeFiles, diags);
  diags.throwIfErrors();
  return lowerProgram(sema);
}

const count = (m: Module): number => m.funcs.reduce((n, f) => n + f.blocks.reduce((k, b) => k + b.instrs.length + b.phis.length, 0), 0);

describe('runPasses on lowered programs', () => {
  const files = readdirSync(RUN).filter((f) => f.endsWith('.ts')).sort();
  it('has programs to lower', () => expect(files.length).toBeGreaterThanOrEqual(5));

  for (const f of files) {
    it(f, (ctx) => {
      let m: Module;
      try {
        m = lower(join(RUN, f));
      } catch (e) {
        // A program tskc rejects (work in progress) is run.test.ts's business.
        if (e instanceof CompileError) return ctx.skip();
        throw e;
      }
      expect(verifyModule(m)).toEqual([]);
      const before = count(m);
      const seen: string[] = [];
      runPasses(m, {
        verify: true,
        after: (pass, mod) => {
          seen.push(pass);
          expect(verifyModule(mod), `after ${pass}`).toEqual([]);
        },
      });
      expect(seen).toEqual(PASSES.map((p) => p.name));
      // Inlining copies bodies (passes/inline.ts bounds it); the rest only shrink.
      expect(count(m)).toBeLessThanOrEqual(2 * before);

      // The optimised module prints, parses back identically, and stays valid.
      const text = printModule(m);
      const back = parseModule(text);
      expect(printModule(back)).toBe(text);
      expect(verifyModule(back)).toEqual([]);

      // A second run over optimised IR keeps it valid and, without inlining
      // (which may find callees that shrank) and loop versioning (which may
      // find lengths licm can hoist only now, from loops the first run
      // changed), adds nothing. test/passes/bcever.test.ts checks that a
      // versioned loop is not copied again.
      runPasses(back, { verify: true, disable: ['inline', 'bce-version'] });
      expect(verifyModule(back)).toEqual([]);
      expect(count(back)).toBeLessThanOrEqual(count(m));
    });
  }
});
