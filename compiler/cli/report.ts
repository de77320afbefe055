// How the CLI ends: diagnostics printed tsc-style with exit code 1, tool
// failures with their message and exit code 1, and anything unexpected as an
// "internal compiler error" with exit code 2 — never a bare stack trace.
import { CompileError, formatDiagnostic } from '../diag/diagnostic.js';
import { ToolError } from '../driver/toolchain.js';
import { IrVerifyError } from '../ir/verify.js';

export function pretty(): boolean {
  return Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
}

/** Runs a command body, turning every failure into a message and an exit code. */
export async function guard(body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    process.exitCode = report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof CompileError) {
    const opts = { pretty: pretty(), cwd: process.cwd() };
    for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d, opts) + '\n');
    const n = e.diagnostics.length;
    process.stderr.write(`\nFound ${n} error${n === 1 ? '' : 's'}.\n`);
    return 1;
  }
  if (e instanceof ToolError) {
    process.stderr.write(`tskc: ${e.message}\n`);
    return 1;
  }
  const detail = e instanceof Error ? (process.env.TSKC_DEBUG ? e.stack : e.message) : String(e);
  const kind = e instanceof IrVerifyError ? 'invalid IR' : 'internal compiler error';
  process.stderr.write(`tskc: ${kind}: ${detail}\n` +
    `This is a bug in tskc, not in your program. Set TSKC_DEBUG=1 for a stack trace.\n`);
  return 2;
}
