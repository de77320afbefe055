// `tskc check`: the frontend and the semantic pass only, for editors and CI.
import { DiagnosticBag } from '../diag/diagnostic.js';
import { createFrontend } from '../frontend/program.js';
import { analyze } from '../sema/sema.js';
import { TARGETS } from '../target/target.js';
import type { TargetName } from '../target/target.js';

export function checkOnly(entries: string[], targetName: TargetName): void {
  const target = TARGETS[targetName];
  const diags = new DiagnosticBag();
  const fe = createFrontend(entries, target, diags);
  diags.throwIfErrors();
  analyze(fe.program, target, { runtime: fe.runtime, entries: fe.entries }, fe.runtimeFiles, diags);
  diags.throwIfErrors();
}
