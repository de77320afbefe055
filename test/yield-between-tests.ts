// Registered by vitest.config.ts for every test file. Many tests compile and
// run programs synchronously; back to back, they would keep the worker's
// event loop busy for minutes, and vitest fails a run whose worker cannot
// answer its RPC for 60 s ("Timeout calling onTaskUpdate"). Yielding to the
// event loop before each test lets those messages through.
import { beforeEach } from 'vitest';

beforeEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
