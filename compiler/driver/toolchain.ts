// Runs the external tools of the pipeline (nasm, ld.lld, qemu) and turns
// their failures into ToolError with the tool's own message, never a trace.
import { spawnSync } from 'node:child_process';

export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

/** Runs `cmd args…` to completion; throws ToolError with its output if it fails. */
export function runTool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) {
    throw new ToolError(`cannot run '${cmd}': ${r.error.message}. ` +
      `Install it with: apt-get install --no-install-recommends ${debianPackageOf(cmd)}`);
  }
  if (r.status !== 0) {
    const out = (r.stderr + r.stdout).trim();
    throw new ToolError(`${cmd} failed (exit ${r.status}):\n${out}`);
  }
  return r.stdout;
}

export function debianPackageOf(cmd: string): string {
  if (cmd === 'ld.lld') return 'lld';
  if (cmd.startsWith('qemu-system')) return 'qemu-system-x86';
  if (cmd === 'mke2fs') return 'e2fsprogs';
  return cmd;
}

/** nasm -f elf64 in.asm -o out.o (with -g: DWARF line info from %line). */
export function assemble(asmPath: string, objPath: string, debug: boolean): void {
  const args = ['-f', 'elf64', '-Werror=all', '-o', objPath, asmPath];
  if (debug) args.splice(2, 0, '-g', '-F', 'dwarf');
  runTool('nasm', args);
}

/** ld.lld with the given extra arguments (linker script, entry, output). */
export function link(objs: string[], out: string, extra: string[]): void {
  runTool('ld.lld', [...extra, '-o', out, ...objs]);
}
