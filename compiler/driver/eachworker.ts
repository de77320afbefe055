// A worker thread of a parallel `--each` build (parallel.ts): makes its own
// frontend over all the entries (without reporting type errors: the main
// thread does), waits for the main thread's go, then takes programs from the
// shared counter until none are left, compiling each exactly as the main
// thread would (compileProgram, with a backend cache of its own) and sending
// back its outcome and stage times. nasm and ld.lld, when a program needs
// them, run here, before the program counts as done.
import { workerData } from 'node:worker_threads';
import { CompileError, DiagnosticBag } from '../diag/diagnostic.js';
import { createFrontend } from '../frontend/program.js';
import type { Frontend } from '../frontend/program.js';
import { TARGETS } from '../target/target.js';
import { FuncCache } from '../x86/funccache.js';
import { COMPLETED, GO, NEXT, sendDiagnostic, sendError } from './parallel.js';
import type { WorkerData, WorkerMessage } from './parallel.js';
import { compileProgram } from './pipeline.js';
import { Timings } from './timings.js';

const { setup, counters: buffer, port } = workerData as WorkerData;
const counters = new Int32Array(buffer);
const send = (m: WorkerMessage): void => port.postMessage(m);

function frontend(): Frontend | null {
  const t0 = process.hrtime.bigint();
  try {
    return createFrontend(setup.programs.map((p) => p.entry), TARGETS[setup.target], new DiagnosticBag(), false);
  } catch {
    return null; // the main thread reports what is wrong with the program, and compiles it all itself
  } finally {
    send({ kind: 'frontend', ms: Number(process.hrtime.bigint() - t0) / 1e6 });
  }
}

const fe = frontend();
Atomics.wait(counters, GO, 0);
if (fe && Atomics.load(counters, GO) === 1) {
  const cache = new FuncCache();
  const count = setup.programs.length;
  for (let i = Atomics.add(counters, NEXT, 1); i < count; i = Atomics.add(counters, NEXT, 1)) {
    send({ kind: 'start', index: i });
    const timings = setup.timings ? new Timings() : undefined;
    let result: Pick<WorkerMessage & { kind: 'done' }, 'diagnostics' | 'error'> = {};
    try {
      compileProgram(fe, [fe.entries[i]], setup.programs[i].output, { ...setup, timings }, new DiagnosticBag(), cache);
    } catch (e) {
      result = e instanceof CompileError ? { diagnostics: e.diagnostics.map(sendDiagnostic) } : { error: sendError(e) };
    }
    send({ kind: 'done', index: i, ...result, stages: timings?.take() ?? [] });
    Atomics.add(counters, COMPLETED, 1);
    Atomics.notify(counters, COMPLETED);
  }
}
// The port stays open (closing it could drop the last messages); the main thread ends this thread.
