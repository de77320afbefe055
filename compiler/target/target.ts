// The three targets tskc compiles for, and what differs between them.
// kernel: freestanding ring 0 (no red zone, no SSE, entry from the boot stub);
// user:   a ring-3 program for the tskc kernel (Linux syscall ABI);
// linux:  a static Linux executable for the host (tests and benchmarks).

export type TargetName = 'kernel' | 'user' | 'linux';

export interface Target {
  name: TargetName;
  /** Which `_start` stub the backend generates. */
  entry: 'kernel' | 'process';
  /** Whether floating point (SSE2) may be used. */
  floats: boolean;
  /** The runtime support files (under runtime/) compiled with every program. */
  runtime: string[];
  /** Extra ld.lld arguments; the kernel's linker script is added by the image step. */
  linkArgs: string[];
}

/**
 * Where user programs are linked: the first user address of the kernel's
 * address spaces (kernel/mm/aspace.ts USER_START; test/kernel/memory-map.test.ts
 * checks the two agree).
 */
export const USER_IMAGE_BASE = 0x4000_0000_0000;

export const TARGETS: Record<TargetName, Target> = {
  kernel: { name: 'kernel', entry: 'kernel', floats: false, runtime: ['common/strings.ts', 'common/memory.ts', 'common/math.ts', 'kernel/symbols.ts', 'kernel/panic.ts', 'kernel/heap.ts', 'kernel/interrupts.ts'], linkArgs: [] },
  user: { name: 'user', entry: 'process', floats: true, runtime: ['common/strings.ts', 'common/memory.ts', 'common/math.ts', 'process/numfmt.ts', 'process/fmath.ts', 'process/console.ts', 'process/panic.ts', 'process/heap.ts'], linkArgs: ['-static', '-e', '_start', `--image-base=0x${USER_IMAGE_BASE.toString(16)}`] },
  linux: { name: 'linux', entry: 'process', floats: true, runtime: ['common/strings.ts', 'common/memory.ts', 'common/math.ts', 'process/numfmt.ts', 'process/fmath.ts', 'process/console.ts', 'process/panic.ts', 'process/heap.ts'], linkArgs: ['-static', '-e', '_start'] },
};

export function isTargetName(s: string): s is TargetName {
  return s === 'kernel' || s === 'user' || s === 'linux';
}
