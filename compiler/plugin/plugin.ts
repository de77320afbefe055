// The TypeScript language-service plugin (`"plugins": [{ "name": "tskc/plugin" }]`
// in a tsconfig; docs/editor.md): while the user types, tsserver's semantic
// diagnostics of a file get tskc's wording for machine-type mismatches
// (TSK1008, compiler/diag/brands.ts) and JavaScript globals (TSK1050), and,
// when TypeScript has no error in the file, tskc's own subset rules
// (compiler/sema) for the file and what it imports. plugin/index.js is the
// CommonJS entry tsserver loads; it loads this module.
import ts = require('typescript');
import { join } from 'node:path';
import { DiagnosticBag } from '../diag/diagnostic.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { repoRoot, runtimeFilesFor, tsRewrite } from '../frontend/program.js';
import { analyze } from '../sema/sema.js';
import { TARGETS } from '../target/target.js';
import type { Target } from '../target/target.js';

/** What tsserver shows as the diagnostic's source: `tskc(1001)`. */
const SOURCE = 'tskc';

function toTs(d: Diagnostic): ts.Diagnostic {
  return {
    file: d.file, start: d.start, length: d.length, category: ts.DiagnosticCategory.Error,
    code: Number(d.code.replace(/^TSK?/, '')), messageText: `${d.code}: ${d.message}`, source: SOURCE,
  };
}

/** The target a program is for: the kernel when its lib declarations are the kernel's (runtime/tsconfig/kernel.json). */
function targetOf(program: ts.Program): Target {
  const kernel = program.getRootFileNames().some((f) => f.replace(/\\/g, '/').endsWith('runtime/lib/kernel.d.ts'));
  return kernel ? TARGETS.kernel : TARGETS.user;
}

/** tskc's own diagnostics of `file` (TSK codes), from the semantic pass over the file and its imports. */
function subsetDiagnostics(program: ts.Program, file: string, log: (m: string) => void): ts.Diagnostic[] {
  const runtime = join(repoRoot(), 'runtime').replace(/\\/g, '/') + '/';
  const runtimeFiles = new Set(program.getSourceFiles().map((sf) => sf.fileName).filter((f) => f.startsWith(runtime)));
  const target = targetOf(program);
  // The support code runs first, as in a build (the presets put it in the program: runtime/tsconfig/).
  const support = runtimeFilesFor(target).support.filter((f) => program.getSourceFile(f) !== undefined);
  const diags = new DiagnosticBag();
  try {
    analyze(program, target, { runtime: support, entries: [file] }, runtimeFiles, diags);
  } catch (e) {
    log(`tskc plugin: the semantic pass stopped on ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return diags.items.filter((d) => d.file?.fileName === file).map(toTs);
}

/** TypeScript's diagnostics, those tskc words its own way replaced. */
function reworded(prior: readonly ts.Diagnostic[], checker: ts.TypeChecker): ts.Diagnostic[] {
  const rewrite = tsRewrite(checker);
  return prior.map((d) => {
    const bag = new DiagnosticBag();
    bag.addTs([d], rewrite);
    const mine = bag.items[0];
    return mine !== undefined && mine.code.startsWith('TSK') ? toTs(mine) : d;
  });
}

interface PluginInfo {
  languageService: ts.LanguageService;
  project: { projectService: { logger: { info(m: string): void } } };
}

/** The plugin module's factory, as tsserver calls it. */
export function init(modules: { typescript: { version: string } }): { create(info: PluginInfo): ts.LanguageService } {
  return {
    create(info) {
      const log = (m: string): void => info.project.projectService.logger.info(m);
      const ls = info.languageService;
      const sameTs = modules.typescript.version === ts.version;
      if (!sameTs) log(`tskc plugin: the editor runs TypeScript ${modules.typescript.version}, tskc ${ts.version}: only the brand errors are reworded`);
      const proxy = Object.create(null) as ts.LanguageService;
      for (const k of Object.keys(ls) as (keyof ts.LanguageService)[]) {
        const f = ls[k] as unknown;
        (proxy as unknown as Record<string, unknown>)[k] = typeof f === 'function' ? f.bind(ls) : f;
      }
      proxy.getSemanticDiagnostics = (file: string): ts.Diagnostic[] => {
        const prior = ls.getSemanticDiagnostics(file);
        const program = ls.getProgram();
        if (!program) return prior;
        const out = reworded(prior, program.getTypeChecker());
        const clean = sameTs && !prior.some((d) => d.category === ts.DiagnosticCategory.Error) &&
          !ls.getSyntacticDiagnostics(file).some((d) => d.category === ts.DiagnosticCategory.Error);
        return clean ? [...out, ...subsetDiagnostics(program, file, log)] : out;
      };
      log('tskc plugin: loaded');
      return proxy;
    },
  };
}
