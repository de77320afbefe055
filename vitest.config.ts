// Vitest configuration for tskc: unit tests and QEMU boot tests.
import os from 'node:os';
import { defineConfig } from 'vitest/config';
import { hangLimit } from './test/harness/timing.js';

// QEMU tests spend most of their time waiting for a VM, which runs in its own
// process; two workers keep a 2-core machine busy without thrashing it.
const cpus = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const workers = Math.max(2, Math.min(cpus, 4));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Lets the worker answer vitest's RPC between synchronous tests.
    setupFiles: ['test/yield-between-tests.ts'],
    // Brings dist/ up to date for the kernel builds in child processes (test/harness/build.ts).
    globalSetup: ['test/global-setup.ts'],
    // Time limits catch hangs only: generous, and scaled when the host is
    // busy or TSKC_TIME_SCALE says it is slow (test/harness/timing.ts).
    testTimeout: hangLimit(120_000),
    hookTimeout: hangLimit(120_000),
    teardownTimeout: 10_000,
    pool: 'forks',
    minWorkers: 1,
    maxWorkers: workers,
  },
});
