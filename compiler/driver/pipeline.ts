// The tskc pipeline: TypeScript program → semantic pass → IR → passes →
// x86-64 → NASM text (+ source map) → object → executable. Each stage lives
// in its own folder; this file only runs them in order, for one program
// (compile) or for several programs over one TypeScript program (compileEach).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CompileError, DiagnosticBag } from '../diag/diagnostic.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { createFrontend } from '../frontend/program.js';
import type { Frontend } from '../frontend/program.js';
import { checkSeparateEntries } from '../frontend/entries.js';
import { analyze } from '../sema/sema.js';
import { lowerProgram } from '../lower/lower.js';
import { assertValid } from '../ir/verify.js';
import { printModule } from '../ir/print.js';
import { runPasses } from '../passes/pipeline.js';
import { generateAsm } from '../x86/backend.js';
import type { AsmOutput } from '../x86/backend.js';
import { FuncCache } from '../x86/funccache.js';
import { writeSourceMap } from './sourcemap.js';
import { assemble, assembleStep, link, linkStep } from './toolchain.js';
import { ToolJobs } from './tooljobs.js';
import { defaultJobs, EachPool } from './parallel.js';
import type { Outcome, WorkerSetup } from './parallel.js';
import { assembleBuiltin } from './assembler.js';
import { TARGETS } from '../target/target.js';
import type { Target, TargetName } from '../target/target.js';
import type { Timings } from './timings.js';

export type EmitKind = 'exe' | 'obj' | 'asm' | 'ir';

interface StageOptions {
  target: TargetName;
  emit: EmitKind;
  debug: boolean;
  /** Run the IR verifier after every pass (tests always do). */
  verifyIr?: boolean;
  timings?: Timings;
  /**
   * Background jobs to queue nasm and ld.lld on: the caller waits for them
   * (and may queue its own after them). Without it, compile runs the tools
   * itself, and compileEach makes its own jobs and waits before it returns.
   */
  tools?: ToolJobs;
  /**
   * Who turns the assembly into an object: the built-in assembler (the
   * default; `compiler/asm/`, byte-identical to nasm) or nasm. The built-in
   * one writes DWARF line information itself for debug builds, and leaves to
   * nasm a file with anything outside its subset (it says so with --timings).
   */
  assembler?: AssemblerName;
}

export type AssemblerName = 'nasm' | 'builtin';

export interface CompileOptions extends StageOptions {
  /** The program's entry files (one program: their imports are followed). */
  entries: string[];
  /** The output path (the executable, object, .asm or .ir file). */
  output: string;
}

export interface EachOptions extends StageOptions {
  /** Separate programs, one per entry file, each written to its output path. */
  programs: { entry: string; output: string }[];
  /** Called as each program's compilation starts (after the shared type check): progress for long builds. */
  onProgram?: (index: number, count: number) => void;
  /** Threads that compile programs (the main one included); the default is one per core, 1 is a serial build. */
  jobs?: number;
}

/** Compiles a program; throws CompileError with diagnostics, ToolError if a tool fails. */
export function compile(opts: CompileOptions): void {
  const diags = new DiagnosticBag();
  const fe = timed(opts, 'frontend', () => createFrontend(opts.entries, TARGETS[opts.target], diags));
  diags.throwIfErrors();
  compileProgram(fe, fe.entries, opts.output, opts, diags, undefined, opts.tools);
}

/**
 * Compiles each entry as a program of its own, exactly as `compile` would
 * with that entry alone, but over one TypeScript program and checker for
 * all of them (the runtime and shared imports are parsed and checked once).
 * Every program is attempted; the diagnostics of all that fail are thrown
 * together (each once, in program order), after the others have been
 * written. With several cores the programs are shared out among worker
 * threads (parallel.ts); what is written and thrown is the same.
 */
export function compileEach(opts: EachOptions): void {
  const diags = new DiagnosticBag();
  const pool = EachPool.start(workerSetup(opts), opts.jobs ?? defaultJobs());
  let fe: Frontend;
  try {
    fe = timed(opts, 'frontend', () => createFrontend(opts.programs.map((p) => p.entry), TARGETS[opts.target], diags));
    diags.throwIfErrors();
    checkSeparateEntries(fe, diags);
    diags.throwIfErrors();
  } catch (e) {
    pool?.abort();
    throw e;
  }
  // The code the programs share is compiled by the backend once per thread (x86/funccache.ts);
  // each program's nasm and ld.lld run in the background while the next one compiles.
  const cache = new FuncCache();
  const ownTools = !opts.tools && (opts.emit === 'obj' || opts.emit === 'exe') ? new ToolJobs() : undefined;
  const tools = opts.tools ?? ownTools;
  const compileOne = (i: number): Outcome => {
    try {
      compileProgram(fe, [fe.entries[i]], opts.programs[i].output, opts, new DiagnosticBag(), cache, tools);
      return undefined;
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      return { diagnostics: e.diagnostics };
    }
  };
  const outcomes = pool
    ? pool.run(fe, opts.programs.length, (i) => { try { return compileOne(i); } catch (e) { return { error: e }; } }, opts.onProgram, opts.timings)
    : opts.programs.map((_, i) => (opts.onProgram?.(i, opts.programs.length), compileOne(i)));
  const failed: Diagnostic[] = [];
  for (const o of outcomes) {
    if (o?.error !== undefined) throw o.error;
    failed.push(...(o?.diagnostics ?? []).filter((d) => !failed.some((f) => sameDiagnostic(f, d))));
  }
  if (ownTools) timed(opts, 'waiting for tools', () => ownTools.wait((tool, ms) => opts.timings?.background(tool, ms)));
  if (failed.length > 0) throw new CompileError(failed);
}

/** The options of an --each build as plain data for its workers. */
function workerSetup(o: EachOptions): WorkerSetup {
  return { programs: o.programs, target: o.target, emit: o.emit, debug: o.debug, verifyIr: o.verifyIr, assembler: o.assembler, timings: o.timings !== undefined };
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && a.file === b.file && a.start === b.start;
}

function timed<T>(opts: StageOptions, stage: string, f: () => T): T {
  return opts.timings ? opts.timings.time(stage, f) : f();
}

/** Everything after the frontend, for the program made of `entries` (also run by eachworker.ts). */
export function compileProgram(
  fe: Frontend, entries: string[], output: string, opts: StageOptions, diags: DiagnosticBag,
  cache?: FuncCache, tools?: ToolJobs,
): void {
  const target = TARGETS[opts.target];
  const time = <T>(stage: string, f: () => T): T => timed(opts, stage, f);
  const sema = time('sema', () =>
    analyze(fe.program, target, { runtime: fe.runtime, entries }, fe.runtimeFiles, diags));
  diags.throwIfErrors();
  const ir = time('lower', () => lowerProgram(sema));
  assertValid(ir, 'lowering');
  time('passes', () => runPasses(ir, { verify: opts.verifyIr ?? false }));

  mkdirSync(dirname(output), { recursive: true });
  if (opts.emit === 'ir') return writeFileSync(output, printModule(ir));

  const asm = time('isel+regalloc+emit', () => generateAsm(ir, { target, debug: opts.debug, cache }));
  writeOutputs(asm, output, target, opts, time, tools);
}

/**
 * Writes the assembly (and its source map), then assembles and links as
 * `opts.emit` asks: at once, or as a background job of `tools`.
 */
function writeOutputs(
  asm: AsmOutput, output: string, target: Target, opts: StageOptions,
  time: <T>(stage: string, f: () => T) => T, tools?: ToolJobs,
): void {
  // An executable's intermediate files go to a scratch directory; an object
  // keeps its .asm and source map beside it.
  const scratch = opts.emit === 'exe' ? mkdtempSync(join(tmpdir(), 'tskc-')) : null;
  let queued = false;
  try {
    const stem = scratch ? join(scratch, basename(output)) : output.replace(/\.(o|asm)$/, '');
    const asmPath = opts.emit === 'asm' ? output : `${stem}.asm`;
    writeFileSync(asmPath, asm.text);
    writeSourceMap(asmPath, asm.lineLocs);
    if (opts.emit === 'asm') return;

    const objPath = opts.emit === 'obj' ? output : `${stem}.o`;
    const built = assembleBuiltin(asm.text, asmPath, objPath, opts, time);
    if (tools) {
      const steps = built ? [] : [assembleStep(asmPath, objPath, opts.debug)];
      if (opts.emit === 'exe') steps.push(linkStep([objPath], output, target.linkArgs));
      if (steps.length === 0) return;
      tools.run(steps, scratch ?? undefined);
      queued = true;
      return;
    }
    if (!built) time('nasm', () => assemble(asmPath, objPath, opts.debug));
    if (opts.emit === 'obj') return;
    time('ld.lld', () => link([objPath], output, target.linkArgs));
  } finally {
    if (scratch && !queued) rmSync(scratch, { recursive: true, force: true });
  }
}


