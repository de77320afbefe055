// `tskc image`: compile the kernel (this package's, or a kernel of one's own
// with its programs: --entry, --programs), link it, and write the boot disk image;
// with --boot, start QEMU on it with the serial console in this terminal.
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { compile } from '../driver/pipeline.js';
import type { AssemblerName } from '../driver/pipeline.js';
import type { Timings } from '../driver/timings.js';
import { ToolJobs } from '../driver/tooljobs.js';
import { buildImage } from '../image/image.js';
import { buildProgramsIn, buildUserPrograms, programSources, userProgramsObject } from '../image/userland.js';
import { keepHome, stageRoot } from '../image/volume.js';
import { INITRD_PROGRAMS } from '../image/initrd.js';
import type { ImageResult } from '../image/image.js';
import { repoRoot } from '../frontend/program.js';

/**
 * Builds the kernel (kernel/main.ts, or `entry` for test kernels) into
 * outDir. `test`: a test build of kernel/main.ts, with kernel/testing/entry.ts
 * as the first entry (kernel/config.ts: panics exit QEMU, test commands).
 */
export function buildKernelImage(o: {
  outDir: string; debug: boolean; entry?: string; quiet?: boolean; test?: boolean;
  /** Whether the disk has /etc/rc (httpd started at boot): `tskc image` says yes, the tests' kernels no unless they ask. */
  rc?: boolean;
  /** The user programs of a kernel of one's own (its `entry`), named after their files. */
  programs?: string[];
  /** Who assembles the kernel: the built-in assembler (the default, nasm for what it does not cover) or nasm. */
  assembler?: AssemblerName;
  /** The kernel compile's stage times (and why nasm assembled it, if it did). */
  timings?: Timings;
}): ImageResult {
  const root = repoRoot();
  const outDir = resolve(root, o.outDir);
  const start = Date.now();
  const log = (m: string): void => void (o.quiet || process.stderr.write(`tskc image: ${m} [${((Date.now() - start) / 1000).toFixed(1)} s]\n`));
  const entry = o.entry ?? join(root, 'kernel', 'main.ts');
  log(`compile ${relative(process.cwd(), entry)} (target kernel${o.test ? ', test build' : ''})`);
  const obj = join(outDir, 'kernel.o');
  const entries = o.test ? [join(root, 'kernel', 'testing', 'entry.ts'), entry] : [entry];
  // The kernel assembles in the background while the user programs compile (driver/tooljobs.ts).
  const tools = new ToolJobs();
  compile({ entries, target: 'kernel', emit: 'obj', output: obj, debug: o.debug, tools, assembler: o.assembler, timings: o.timings });
  const objs = [obj];
  // The real kernel carries the shell and a few programs in its initrd (test kernels with their own entry
  // carry none, unless given some: then all of them), and its disk has every program in /bin of partition 1.
  if (o.programs !== undefined) {
    objs.push(userProgramsObject(buildProgramsIn(programSources(o.programs.map((p) => resolve(p))), join(outDir, 'programs'), log), outDir));
    tools.wait();
    return buildImage({ kernelObjs: objs, outDir, root, log });
  }
  if (o.entry !== undefined) {
    tools.wait();
    return buildImage({ kernelObjs: objs, outDir, root, log });
  }
  const programs = buildUserPrograms(root, log);
  objs.push(userProgramsObject(programs.filter((p) => INITRD_PROGRAMS.includes(p.name)), outDir));
  const staging = stageRoot(programs.map((p) => ({ name: p.name, file: p.stripped })), outDir, { www: join(root, 'userland', 'www'), rc: o.rc === true });
  log(keepHome(join(outDir, 'disk.img'), staging));
  tools.wait();
  try {
    return buildImage({ kernelObjs: objs, outDir, root, log, staging });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The host port `npm start` forwards to the guest's port 80 (on 127.0.0.1 only). */
export const START_HTTP_PORT = 8080;

/**
 * Guest CPUs of `npm start` (`tskc image --boot`), each on a host thread of
 * its own (multi-threaded TCG); the QEMU tests use the same default
 * (test/harness/qemu.ts DEFAULT_CPUS). docs/smp.md.
 */
export const BOOT_CPUS = 2;

/**
 * Boots a disk image in QEMU with serial on stdio, BOOT_CPUS CPUs and a
 * virtio-net NIC on QEMU's user-mode network: restrict=on (nothing the
 * guest sends leaves QEMU) and the host's 127.0.0.1:8080 forwarded to the
 * guest's port 80 (docs/network.md). Returns QEMU's exit status.
 */
export function bootImage(diskImage: string): number {
  process.stderr.write(`tskc: booting ${diskImage} in QEMU — serial console below; press Ctrl-A then X to quit.\n`);
  process.stderr.write(`tskc: /etc/rc starts httpd; open http://127.0.0.1:${START_HTTP_PORT}/\n`);
  const r = spawnSync('qemu-system-x86_64', [
    '-drive', `if=virtio,format=raw,file=${diskImage}`, '-serial', 'mon:stdio', '-display', 'none', '-net', 'none', '-no-reboot',
    '-netdev', `user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:${START_HTTP_PORT}-:80`, '-device', 'virtio-net-pci,netdev=n0',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-smp', String(BOOT_CPUS), '-accel', 'tcg,thread=multi',
  ], { stdio: 'inherit' });
  return r.status ?? 1;
}
