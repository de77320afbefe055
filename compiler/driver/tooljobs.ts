// Tool jobs run in the background while the compiler goes on: with --each,
// program i's nasm and ld.lld run while program i+1 is compiled. One worker
// thread takes the jobs in order (first in, first out) and runs each job's
// commands one after another with spawnSync, so a job's link follows its
// assembly, and jobs queued later see the files of earlier ones. The API is
// synchronous, like the rest of the pipeline: `wait()` blocks on a shared
// counter (Atomics.wait) and takes the results with receiveMessageOnPort.
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { toolFailure, ToolError } from './toolchain.js';

/** One command of a job: the program and its arguments. */
export type ToolStep = [cmd: string, args: string[]];

// Runs in the worker. Plain JavaScript that loads its modules with import(),
// which works whether Node takes an eval worker for CommonJS or for an ES
// module (a parent started with --input-type=module passes that on). Slot 1
// of the shared counters says the worker is up; a step's error is worded on
// the main thread by toolFailure.
const WORKER = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { spawnSync } = await import('node:child_process');
  const { rmSync } = await import('node:fs');
  const counters = new Int32Array(workerData.counters);
  parentPort.on('message', (job) => {
    const times = [];
    let failure = null;
    try {
      for (const [cmd, args] of job.steps) {
        const t0 = process.hrtime.bigint();
        const r = spawnSync(cmd, args, { encoding: 'utf8' });
        times.push([cmd, Number(process.hrtime.bigint() - t0) / 1e6]);
        if (r.error || r.status !== 0) {
          failure = { cmd, status: r.status, output: (r.stderr || '') + (r.stdout || ''), error: r.error ? r.error.message : null };
          break;
        }
      }
      if (job.cleanup) rmSync(job.cleanup, { recursive: true, force: true });
    } catch (e) {
      failure = { cmd: job.steps[0][0], status: null, output: '', error: String(e) };
    } finally {
      workerData.port.postMessage({ failure, times });
      Atomics.add(counters, 0, 1);
      Atomics.notify(counters, 0);
    }
  });
  Atomics.store(counters, 1, 1);
  Atomics.notify(counters, 0);
})();
`;

/** How long `wait` allows the worker to come up before it reports it as broken. */
const START_LIMIT_MS = 120_000;

interface Failure { cmd: string; status: number | null; output: string; error: string | null }

export class ToolJobs {
  /** [jobs done, worker up] */
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private started = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER, {
      eval: true, execArgv: [], workerData: { counters: this.counters.buffer, port: port2 }, transferList: [port2],
    });
    this.worker.unref();
  }

  /** Queues the steps (run in order, a failure skips the rest); `cleanup` is a directory removed afterwards. */
  run(steps: ToolStep[], cleanup?: string): void {
    this.started++;
    this.worker.postMessage({ steps, cleanup });
  }

  /**
   * Waits for every queued job and stops the worker; throws ToolError with
   * the first failure. `onTime` receives each step's time by tool name.
   */
  wait(onTime?: (tool: string, ms: number) => void): void {
    const t0 = Date.now();
    for (let n = Atomics.load(this.counters, 0); n < this.started; n = Atomics.load(this.counters, 0)) {
      // A worker that failed to start reports it on the event loop, which a waiting thread never runs.
      if (Atomics.load(this.counters, 1) === 0 && Date.now() - t0 > START_LIMIT_MS) {
        void this.worker.terminate();
        throw new ToolError(`the thread that runs nasm and ld.lld did not start within ${START_LIMIT_MS / 1000} s`);
      }
      Atomics.wait(this.counters, 0, n, 1000);
    }
    void this.worker.terminate();
    const failures: string[] = [];
    for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
      const r = m.message as { failure: Failure | null; times: [string, number][] };
      for (const [tool, ms] of r.times) onTime?.(tool, ms);
      if (r.failure) failures.push(toolFailure(r.failure.cmd, r.failure.status, r.failure.output, r.failure.error));
    }
    this.port.close();
    if (failures.length > 0) throw new ToolError(failures[0]);
  }
}
