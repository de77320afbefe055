// Runs test262-parser-tests snippets through tskc's check step (checkOnly,
// target linux) and classifies each: `ok`, `diagnostics` (CompileError) or
// `crash` (any other exception). Used by test262.test.ts, in child processes
// (`vite-node test/robustness/snippets.ts <shard> <shards>`), so a hang can be
// detected and the two cores shared; it prints `START name` before each
// real compilation and one `RESULT {json}` line per snippet.
//
// Why not one checkOnly per snippet: each call builds a ts.Program and
// type-checks tskc's runtime with it (~0.1–0.2 s), and there are 5,361
// snippets. What it does instead, per snippet and still individually:
//
// 1. A quick TypeScript check of the snippet alone: a program with the same
//    roots and options as the frontend's (runtime/lib + the target's support
//    code + the snippet; the runtime's source files parsed once and shared),
//    asking only for the snippet's own diagnostics. If the snippet has
//    TypeScript errors, checkOnly would stop at the frontend with exactly
//    those errors: the snippet's diagnostics go through tskc's DiagnosticBag
//    (addTs, the code that turns them into CompileError), which must accept
//    them. A deterministic sample (every SAMPLE-th such snippet) is also run
//    through the real checkOnly alone, which must throw CompileError.
// 2. Snippets TypeScript accepts are the ones that reach tskc's semantic
//    pass, where crashes are likely. They are checked with the real
//    checkOnly, up to GROUP of them per program: sema analyses every file of
//    a program and collects diagnostics without stopping, so each snippet of
//    a group is analysed as if alone. Snippets are scripts sharing one global
//    scope, so a group holds only snippets whose top-level names differ. If
//    a group still has TypeScript errors as a whole, or throws anything but
//    a CompileError, each of its snippets is checked alone, so every crash
//    is attributed to one snippet.
//
// Cost: about 8 ms per quick check, 0.1-0.2 s per checkOnly; in all about
// 5,000 quick checks (identical snippets once) and 200 checkOnly calls.
import ts from 'typescript';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkOnly } from '../../compiler/driver/check.js';
import { TARGETS } from '../../compiler/target/target.js';
import { CompileError, DiagnosticBag } from '../../compiler/diag/diagnostic.js';
import { TS_OPTIONS, runtimeFilesFor } from '../../compiler/frontend/program.js';

export const FOLDERS = ['pass', 'pass-explicit', 'fail', 'early'] as const;
export const SUITE = resolve(import.meta.dirname, '..', '..', 'node_modules', 'test262-parser-tests');
/** Every SAMPLE-th snippet with TypeScript errors also runs through checkOnly alone. */
export const SAMPLE = 40;
/** Snippets TypeScript accepts, checked per program. */
export const GROUP = 20;

export interface Snippet {
  /** folder/file, e.g. pass/005dc7dff71d4b97.js */
  id: string;
  path: string;
}

export interface SnippetResult {
  id: string;
  outcome: 'ok' | 'diagnostics' | 'crash';
  /** How it was checked: alone with checkOnly, in a group, or by the quick TS check. */
  how: 'alone' | 'group' | 'quick';
  detail?: string;
}

export function allSnippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const folder of FOLDERS) {
    for (const f of readdirSync(join(SUITE, folder)).filter((n) => n.endsWith('.js')).sort()) {
      out.push({ id: `${folder}/${f}`, path: join(SUITE, folder, f) });
    }
  }
  return out;
}

const describe = (e: unknown): string => (e instanceof Error ? (e.stack ?? e.message) : String(e)).slice(0, 2000);

/** The quick check: the snippet's own TypeScript diagnostics in a frontend-shaped program. */
export class QuickChecker {
  private readonly host: ts.CompilerHost;
  private readonly roots: string[];
  private readonly shared = new Map<string, ts.SourceFile>();

  constructor() {
    const { libs, support } = runtimeFilesFor(TARGETS.linux);
    this.roots = [...libs, ...support];
    this.host = ts.createCompilerHost(TS_OPTIONS);
    const get = this.host.getSourceFile.bind(this.host);
    const runtime = new Set(this.roots.map((p) => resolve(p)));
    this.host.getSourceFile = (name, lang, onError, create) => {
      if (!runtime.has(resolve(name))) return get(name, lang, onError, create);
      let sf = this.shared.get(name);
      if (!sf) {
        sf = get(name, lang, onError, create);
        if (sf) this.shared.set(name, sf);
      }
      return sf;
    };
  }

  diagnostics(file: string): readonly ts.Diagnostic[] {
    const program = ts.createProgram([...this.roots, file], TS_OPTIONS, this.host);
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`internal: no source file for ${file}`);
    return [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(sf),
      ...program.getSemanticDiagnostics(sf),
    ];
  }
}

/** The global names a script declares at its top level (none for a module). */
function topLevelNames(file: string): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  if (ts.isExternalModule(sf)) return [];
  const names: string[] = [];
  const bind = (n: ts.BindingName): void => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const e of n.elements) if (!ts.isOmittedExpression(e)) bind(e.name);
  };
  // Declarations in nested blocks count too (`var` hoists, sloppy-mode
  // functions in `if`); only function and class bodies are not entered.
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n)) bind(n.name);
    else if (ts.isCatchClause(n) && n.variableDeclaration) bind(n.variableDeclaration.name);
    const named = ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isEnumDeclaration(n) || ts.isModuleDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isTypeAliasDeclaration(n);
    if (named && n.name && ts.isIdentifier(n.name)) names.push(n.name.text);
    if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
    if (ts.isVariableDeclaration(n)) {
      if (n.initializer) visit(n.initializer);
      return;
    }
    ts.forEachChild(n, visit);
  };
  sf.statements.forEach(visit);
  return names;
}

/** First-fit packing into groups of at most GROUP snippets with disjoint top-level names. */
export function groupByNames<T extends { file: string }>(items: T[]): T[][] {
  const groups: { items: T[]; names: Set<string> }[] = [];
  for (const it of items) {
    const names = topLevelNames(it.file);
    let g = groups.find((x) => x.items.length < GROUP && names.every((n) => !x.names.has(n)));
    if (!g) groups.push((g = { items: [], names: new Set() }));
    g.items.push(it);
    names.forEach((n) => g.names.add(n));
  }
  return groups.map((g) => g.items);
}

type Real = { outcome: 'ok' } | { outcome: 'diagnostics'; tsOnly: boolean } | { outcome: 'crash'; detail: string };

function realCheck(files: string[], progress: (s: string) => void, label: string): Real {
  progress(label);
  try {
    checkOnly(files, 'linux');
    return { outcome: 'ok' };
  } catch (e) {
    if (e instanceof CompileError) return { outcome: 'diagnostics', tsOnly: e.diagnostics.every((d) => /^TS\d/.test(d.code)) };
    return { outcome: 'crash', detail: describe(e) };
  }
}

/**
 * Checks snippets and reports one result per snippet. Snippets with the same
 * bytes (pass-explicit repeats some) are checked once and share the result.
 */
export function checkSnippets(all: Snippet[], progress: (s: string) => void, report: (r: SnippetResult) => void): void {
  const twins = new Map<string, Snippet[]>();
  const snippets: Snippet[] = [];
  for (const s of all) {
    const text = readFileSync(s.path, 'latin1');
    const same = twins.get(text);
    if (same) same.push(s);
    else {
      twins.set(text, [s]);
      snippets.push(s);
    }
  }
  const byId = new Map<string, Snippet[]>([...twins.values()].map((ss) => [ss[0].id, ss]));
  const emit = (r: SnippetResult): void => {
    for (const s of byId.get(r.id) ?? []) report({ ...r, id: s.id });
  };
  const dir = mkdtempSync(join(tmpdir(), 'tskc-t262-'));
  const quick = new QuickChecker();
  try {
    const clean: { s: Snippet; file: string }[] = [];
    let unclean = 0;
    for (const s of snippets) {
      const sub = join(dir, s.id.replace(/\//g, '_').replace(/\.js$/, ''));
      mkdirSync(sub, { recursive: true });
      // Each snippet in its own directory, as `snippet.ts` (module snippets stay modules: they use import/export).
      const file = join(sub, 'snippet.ts');
      writeFileSync(file, readFileSync(s.path));
      let diags: readonly ts.Diagnostic[];
      try {
        diags = quick.diagnostics(file);
      } catch (e) {
        emit({ id: s.id, outcome: 'crash', how: 'quick', detail: `TypeScript itself threw: ${describe(e)}` });
        continue;
      }
      const errors = diags.filter((d) => d.category === ts.DiagnosticCategory.Error);
      if (errors.length === 0) {
        clean.push({ s, file });
        continue;
      }
      // The frontend would report these and stop: tskc's bag must take them.
      try {
        const bag = new DiagnosticBag();
        bag.addTs(errors);
        if (!bag.hasErrors) throw new Error('DiagnosticBag.addTs dropped every TypeScript error');
        bag.throwIfErrors();
        throw new Error('DiagnosticBag.throwIfErrors did not throw');
      } catch (e) {
        if (!(e instanceof CompileError)) {
          emit({ id: s.id, outcome: 'crash', how: 'quick', detail: describe(e) });
          continue;
        }
      }
      if (unclean++ % SAMPLE === 0) {
        const r = realCheck([file], progress, s.id);
        if (r.outcome === 'crash') emit({ id: s.id, outcome: 'crash', how: 'alone', detail: r.detail });
        else if (r.outcome === 'ok') {
          emit({ id: s.id, outcome: 'crash', how: 'alone', detail: 'checkOnly accepted a snippet with TypeScript errors: ' + errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ') });
        } else emit({ id: s.id, outcome: 'diagnostics', how: 'alone' });
      } else {
        emit({ id: s.id, outcome: 'diagnostics', how: 'quick' });
      }
    }

    for (const group of groupByNames(clean)) {
      const r = realCheck(group.map((g) => g.file), progress, group.map((g) => g.s.id).join(' '));
      if (r.outcome === 'ok' || (r.outcome === 'diagnostics' && !r.tsOnly)) {
        // Sema ran over every snippet of the group; each is ok or has diagnostics.
        for (const g of group) emit({ id: g.s.id, outcome: r.outcome, how: 'group' });
        continue;
      }
      for (const g of group) {
        const one = realCheck([g.file], progress, g.s.id);
        emit({ id: g.s.id, outcome: one.outcome, how: 'alone', ...(one.outcome === 'crash' ? { detail: one.detail } : {}) });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
