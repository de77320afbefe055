// Diagnostics: tskc's own (TSK codes) and TypeScript's (TS codes), reported
// the way tsc reports them: `path(line,col): error TSK1001: message`, with a
// code frame when printing to a terminal.
import ts = require('typescript');
import { relative } from 'node:path';
import type { DiagCode } from './codes.js';
import { DIAG_CODES } from './codes.js';

export interface Diagnostic {
  code: string; // 'TSK1001' or 'TS2322'
  message: string;
  file?: ts.SourceFile;
  start?: number;
  length?: number;
}

/** Turns a TypeScript error into a tskc one, or leaves it (undefined). */
export type TsRewrite = (d: ts.Diagnostic) => { code: DiagCode; message: string } | undefined;

/** The most diagnostics a CompileError's message spells out. */
const MESSAGE_DIAGNOSTICS = 10;

/**
 * Thrown to stop compilation once diagnostics have been reported. The CLI
 * prints `diagnostics` itself; the message carries them too (the first ten,
 * plain), so that a caller that only shows messages, a test runner or the
 * image build inside one, shows what went wrong.
 */
export class CompileError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    const shown = diagnostics.slice(0, MESSAGE_DIAGNOSTICS).map((d) => formatDiagnostic(d, { pretty: false, cwd: process.cwd() }));
    const more = diagnostics.length > MESSAGE_DIAGNOSTICS ? [`… and ${diagnostics.length - MESSAGE_DIAGNOSTICS} more`] : [];
    super([`${diagnostics.length} error(s)`, ...shown, ...more].join('\n'));
  }
}

/** Collects diagnostics for one compilation. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  /** Reports a tskc rule violation at a node; the message gets its docs reference. */
  error(code: DiagCode, node: ts.Node, message: string): void {
    const sf = node.getSourceFile();
    const start = node.getStart(sf);
    const info = DIAG_CODES[code];
    const ref = info.section ? ` (docs/language.md §${info.section})` : '';
    this.items.push({ code, message: message + ref, file: sf, start, length: node.getEnd() - start });
  }

  /** Reports an error that has no source location (missing file, bad option). */
  global(code: DiagCode, message: string): void {
    this.items.push({ code, message });
  }

  /**
   * TypeScript's errors; those `rewrite` has a message for become that tskc
   * code instead (at the same place), citing the code's section unless the
   * message ends with a section of its own (a section cited in passing, as
   * where to read about what to write instead, does not count).
   */
  addTs(diags: readonly ts.Diagnostic[], rewrite?: TsRewrite): void {
    for (const d of diags) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const mine = rewrite?.(d);
      if (mine !== undefined) {
        const section = DIAG_CODES[mine.code].section;
        const ref = /\(docs\/language\.md §[\d.]+\)$/.test(mine.message) ? '' : ` (docs/language.md §${section})`;
        this.items.push({ code: mine.code, message: mine.message + ref, file: d.file, start: d.start, length: d.length });
        continue;
      }
      this.items.push({
        code: `TS${d.code}`,
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        file: d.file,
        start: d.start,
        length: d.length,
      });
    }
  }

  get hasErrors(): boolean {
    return this.items.length > 0;
  }

  /** Stops compilation if anything was reported. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new CompileError(this.items);
  }
}

export interface FormatOptions {
  pretty: boolean; // colour and a code frame
  cwd: string;
}

export function formatDiagnostic(d: Diagnostic, opts: FormatOptions): string {
  const red = (s: string): string => (opts.pretty ? `\x1b[91m${s}\x1b[0m` : s);
  const grey = (s: string): string => (opts.pretty ? `\x1b[90m${s}\x1b[0m` : s);
  const cyan = (s: string): string => (opts.pretty ? `\x1b[96m${s}\x1b[0m` : s);
  const head = `${red('error')} ${grey(d.code + ':')} ${d.message}`;
  if (!d.file || d.start === undefined) return `${head}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const where = `${relative(opts.cwd, d.file.fileName) || d.file.fileName}(${line + 1},${character + 1})`;
  const first = `${cyan(where)}: ${head}`;
  if (!opts.pretty) return first;
  return `${first}\n${codeFrame(d.file, d.start, d.length ?? 1, red)}`;
}

/** The source line of a diagnostic with the span underlined, tsc style. */
function codeFrame(sf: ts.SourceFile, start: number, length: number, mark: (s: string) => string): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(start);
  const lineStarts = sf.getLineStarts();
  const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : sf.text.length;
  const text = sf.text.slice(lineStarts[line], lineEnd).replace(/\r?\n$/, '');
  const width = Math.max(1, Math.min(length, text.length - character));
  const num = String(line + 1);
  const gutter = ' '.repeat(num.length);
  return `\n\x1b[7m${num}\x1b[0m ${text}\n\x1b[7m${gutter}\x1b[0m ${' '.repeat(character)}${mark('~'.repeat(width))}\n`;
}
