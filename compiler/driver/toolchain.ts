// Runs the external tools of the pipeline (nasm, ld.lld, qemu) and turns
// their failures into ToolError with the tool's own message, never a trace.
// The argument lists live here too, for the background jobs (tooljobs.ts).
import { spawnSync } from 'node:child_process';
import type { ToolStep } from './tooljobs.js';

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Runs `cmd args…` to completion; throws ToolError with its output if it fails. */
export function runTool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new ToolError(toolFailure(cmd, r.status, r.stderr + r.stdout, r.error?.message ?? null));
  return r.stdout;
}

/** The message for a tool that could not start (`startError`) or exited with `status`. */
export function toolFailure(cmd: string, status: number | null, output: string, startError: string | null): string {
  if (startError !== null) {
    return `cannot run '${cmd}': ${startError}. ` +
      `Install it with: apt-get install --no-install-recommends ${debianPackageOf(cmd)}`;
  }
  return `${cmd} failed (exit ${status}):\n${output.trim()}`;
}

export function debianPackageOf(cmd: string): string {
  if (cmd === 'ld.lld') return 'lld';
  if (cmd.startsWith('qemu-system')) return 'qemu-system-x86';
  if (cmd === 'mke2fs') return 'e2fsprogs';
  return cmd;
}

/** nasm -f elf64 in.asm -o out.o (with -g: DWARF line info from %line). */
export function assembleStep(asmPath: string, objPath: string, debug: boolean): ToolStep {
  const args = ['-f', 'elf64', '-Werror=all', '-o', objPath, asmPath];
  if (debug) args.splice(2, 0, '-g', '-F', 'dwarf');
  return ['nasm', args];
}

/** ld.lld with the given extra arguments (linker script, entry, output). */
export function linkStep(objs: string[], out: string, extra: string[]): ToolStep {
  return ['ld.lld', [...extra, '-o', out, ...objs]];
}

export function assemble(asmPath: string, objPath: string, debug: boolean): void {
  runTool(...assembleStep(asmPath, objPath, debug));
}

export function link(objs: string[], out: string, extra: string[]): void {
  runTool(...linkStep(objs, out, extra));
}
