// Part 3 of `npm run bench` (issue #8): instruction counts of kernel paths
// (getpid, yield, spawn, ...) in a kernel booted with -icount. The kernel
// has no processes or system calls yet, so the part only says so.
import type { Part } from './parts.js';

export const kernelPathsPart: Part = {
  key: 'kernelPaths',
  title: 'kernel paths (instructions, QEMU -icount)',
  run: () => ({
    lines: ['kernel paths: not available yet (the kernel has no processes or system calls)'],
    json: { available: false },
  }),
};
