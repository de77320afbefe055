// The tskc pipeline, in one function: TypeScript program → semantic pass →
// IR → passes → x86-64 → NASM text (+ source map) → object → executable.
// Each stage lives in its own folder; this file only runs them in order.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DiagnosticBag } from '../diag/diagnostic.js';
import { createFrontend } from '../frontend/program.js';
import { analyze } from '../sema/sema.js';
import { lowerProgram } from '../lower/lower.js';
import { assertValid } from '../ir/verify.js';
import { printModule } from '../ir/print.js';
import { runPasses } from '../passes/pipeline.js';
import { generateAsm } from '../x86/backend.js';
import { writeSourceMap } from './sourcemap.js';
import { assemble, link } from './toolchain.js';
import { TARGETS } from './target.js';
import type { TargetName } from './target.js';
import type { Timings } from './timings.js';

export type EmitKind = 'exe' | 'obj' | 'asm' | 'ir';

export interface CompileOptions {
  entries: string[];
  target: TargetName;
  emit: EmitKind;
  /** The output path (the executable, object, .asm or .ir file). */
  output: string;
  debug: boolean;
  /** Run the IR verifier after every pass (tests always do). */
  verifyIr?: boolean;
  timings?: Timings;
}

/** Compiles a program; throws CompileError with diagnostics, ToolError if a tool fails. */
export function compile(opts: CompileOptions): void {
  const target = TARGETS[opts.target];
  const diags = new DiagnosticBag();
  const time = <T>(stage: string, f: () => T): T => (opts.timings ? opts.timings.time(stage, f) : f());

  const fe = time('frontend', () => createFrontend(opts.entries, target, diags));
  diags.throwIfErrors();
  const sema = time('sema', () =>
    analyze(fe.program, target, { runtime: fe.runtime, entries: fe.entries }, fe.runtimeFiles, diags));
  diags.throwIfErrors();
  const ir = time('lower', () => lowerProgram(sema));
  assertValid(ir, 'lowering');
  time('passes', () => runPasses(ir, { verify: opts.verifyIr ?? false }));

  mkdirSync(dirname(opts.output), { recursive: true });
  if (opts.emit === 'ir') return writeFileSync(opts.output, printModule(ir));

  const asm = time('isel+regalloc+emit', () => generateAsm(ir, { target, debug: opts.debug }));
  // An executable's intermediate files go to a scratch directory; an object
  // keeps its .asm and source map beside it.
  const scratch = opts.emit === 'exe' ? mkdtempSync(join(tmpdir(), 'tskc-')) : null;
  try {
    const stem = scratch ? join(scratch, basename(opts.output)) : opts.output.replace(/\.(o|asm)$/, '');
    const asmPath = opts.emit === 'asm' ? opts.output : `${stem}.asm`;
    writeFileSync(asmPath, asm.text);
    writeSourceMap(asmPath, asm.lineLocs);
    if (opts.emit === 'asm') return;

    const objPath = opts.emit === 'obj' ? opts.output : `${stem}.o`;
    time('nasm', () => assemble(asmPath, objPath, opts.debug));
    if (opts.emit === 'obj') return;
    time('ld.lld', () => link([objPath], opts.output, target.linkArgs));
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
