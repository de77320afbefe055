// The frontend: builds a TypeScript program from the user's entry files plus
// tskc's runtime (its lib declarations instead of TypeScript's standard
// library, and the target's support code), and collects TypeScript's own
// diagnostics. tskc compiles only programs TypeScript accepts.
import ts = require('typescript');
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Target } from '../target/target.js';
import type { DiagnosticBag, TsRewrite } from '../diag/diagnostic.js';
import { jsGlobalMessage } from '../diag/jsglobals.js';
import { brandMessage } from '../diag/brands.js';

/** The repository root: the directory holding runtime/lib/core.d.ts. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'runtime', 'lib', 'core.d.ts'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('internal: cannot find the tskc runtime (runtime/lib/core.d.ts)');
}

/** The standard library's folder: `import { Vec } from 'tskc:collections'` is runtime/std/collections.ts. */
export const STD_DIR = join(repoRoot(), 'runtime', 'std');

/** The compiler options every tskc program is checked with (also in the tsconfigs). */
export const TS_OPTIONS: ts.CompilerOptions = {
  noLib: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  noEmit: true,
  types: [],
  // `tskc/kernel/…`: this package's kernel, a library for kernels of one's own (docs/getting-started.md).
  paths: { 'tskc:*': [join(STD_DIR, '*')], 'tskc/kernel/*': [join(repoRoot(), 'kernel', '*')] },
};

export interface Frontend {
  program: ts.Program;
  /** Runtime support files compiled with the program (in init order). */
  runtime: string[];
  entries: string[];
  /** Every runtime file (declarations and support code). */
  runtimeFiles: Set<string>;
}

export function runtimeFilesFor(target: Target): { libs: string[]; support: string[] } {
  const rt = join(repoRoot(), 'runtime');
  const libs = [join(rt, 'lib', 'core.d.ts'), join(rt, 'lib', 'asm.d.ts'), join(rt, 'lib', target.entry === 'kernel' ? 'kernel.d.ts' : 'process.d.ts')];
  return { libs, support: target.runtime.map((f) => join(rt, f)) };
}

/** TypeScript errors tskc words its own way: JavaScript globals outside the subset (TSK1050) and machine-type mismatches (TSK1008). */
export function tsRewrite(checker: ts.TypeChecker): TsRewrite {
  return (d) => {
    const global = jsGlobalMessage(d, checker);
    if (global !== undefined) return { code: 'TSK1050', message: global };
    const brand = brandMessage(d);
    return brand === undefined ? undefined : { code: 'TSK1008', message: brand };
  };
}

/**
 * The TypeScript program of the entries and the runtime. `check`: report
 * TypeScript's errors (a worker of a parallel --each build skips them: the
 * main thread has reported them over the same files, driver/parallel.ts).
 */
export function createFrontend(entryPaths: string[], target: Target, diags: DiagnosticBag, check = true): Frontend {
  const entries = entryPaths.map((p) => resolve(p));
  for (const e of entries) {
    if (!existsSync(e)) diags.global('TSK1100', `cannot find input file '${e}'`);
  }
  diags.throwIfErrors();
  const { libs, support } = runtimeFilesFor(target);
  let program: ts.Program;
  try {
    program = ts.createProgram([...libs, ...support, ...entries], TS_OPTIONS);
    const checker = program.getTypeChecker();
    if (check) diags.addTs(ts.getPreEmitDiagnostics(program), tsRewrite(checker));
  } catch (e) {
    // TypeScript's parser and checker recurse: a file nested thousands deep exhausts the stack (tsc fails the same way).
    if (!(e instanceof RangeError)) throw e;
    diags.global('TSK1044', `the input nests too deeply for TypeScript to parse or check it (${e.message}); split deep expressions into statements (docs/language.md §9)`);
    diags.throwIfErrors();
    throw e;
  }
  const runtimeFiles = new Set([...libs, ...support].map((f) => program.getSourceFile(f)?.fileName ?? f));
  // The standard library is runtime code too, though only the files a program imports are in it.
  const std = STD_DIR.replace(/\\/g, '/') + '/';
  for (const sf of program.getSourceFiles()) if (sf.fileName.startsWith(std)) runtimeFiles.add(sf.fileName);
  return { program, runtime: support, entries, runtimeFiles };
}
