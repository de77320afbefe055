// `tskc image`: compile the kernel (this package's, or a kernel of one's own
// with its programs: --entry, --programs), link it, and write the boot disk image;
// with --boot, start QEMU on it with the serial console in this terminal.
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../driver/pipeline.js';
import { buildImage } from '../image/image.js';
import { buildProgramsIn, buildUserPrograms, programSources, userProgramsObject } from '../image/userland.js';
import type { ImageResult } from '../image/image.js';
import { repoRoot } from '../frontend/program.js';

/**
 * Builds the kernel (kernel/main.ts, or `entry` for test kernels) into
 * outDir. `test`: a test build of kernel/main.ts, with kernel/testing/entry.ts
 * as the first entry (kernel/config.ts: panics exit QEMU, test commands).
 */
export function buildKernelImage(o: {
  outDir: string; debug: boolean; entry?: string; quiet?: boolean; test?: boolean;
  /** The user programs of a kernel of one's own (its `entry`), named after their files. */
  programs?: string[];
}): ImageResult {
  const root = repoRoot();
  const outDir = resolve(root, o.outDir);
  const start = Date.now();
  const log = (m: string): void => void (o.quiet || process.stderr.write(`tskc image: ${m} [${((Date.now() - start) / 1000).toFixed(1)} s]\n`));
  const entry = o.entry ?? join(root, 'kernel', 'main.ts');
  log(`compile ${relative(process.cwd(), entry)} (target kernel${o.test ? ', test build' : ''})`);
  const obj = join(outDir, 'kernel.o');
  const entries = o.test ? [join(root, 'kernel', 'testing', 'entry.ts'), entry] : [entry];
  compile({ entries, target: 'kernel', emit: 'obj', output: obj, debug: o.debug });
  const objs = [obj];
  // The real kernel carries the user programs (test kernels with their own entry do not, unless given some).
  if (o.programs !== undefined) objs.push(userProgramsObject(buildProgramsIn(programSources(o.programs.map((p) => resolve(p))), join(outDir, 'programs'), log), outDir));
  else if (o.entry === undefined) objs.push(userProgramsObject(buildUserPrograms(root, log), outDir));
  return buildImage({ kernelObjs: objs, outDir, root, log });
}

/**
 * Guest CPUs of `npm start` (`tskc image --boot`), each on a host thread of
 * its own (multi-threaded TCG); the QEMU tests use the same default
 * (test/harness/qemu.ts DEFAULT_CPUS). docs/smp.md.
 */
export const BOOT_CPUS = 2;

/** Boots a disk image in QEMU with serial on stdio; returns QEMU's exit status. */
export function bootImage(diskImage: string): number {
  process.stderr.write(`tskc: booting ${diskImage} in QEMU — serial console below; press Ctrl-A then X to quit.\n`);
  const r = spawnSync('qemu-system-x86_64', [
    '-drive', `format=raw,file=${diskImage}`, '-serial', 'mon:stdio', '-display', 'none', '-net', 'none', '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-smp', String(BOOT_CPUS), '-accel', 'tcg,thread=multi',
  ], { stdio: 'inherit' });
  return r.status ?? 1;
}
