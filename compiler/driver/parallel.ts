// A parallel `--each` build: worker threads (eachworker.ts) compile some of
// the programs while the main thread compiles others. Each worker makes a
// frontend of its own over the same entries (TypeScript's objects cannot
// cross threads) while the main thread makes its own and reports the type
// errors; the workers start compiling only once the main thread says the
// program checked (or stop if it did not). The programs are handed out one
// at a time through a shared counter, so a thread that finishes early takes
// the next. Each program's result (its diagnostics, or an error, and its
// stage times) comes back as a message; compileEach merges them in program
// order, so what it reports and writes does not depend on which thread
// compiled what. The API stays synchronous: the main thread waits on a
// shared counter (Atomics.wait) and takes messages with receiveMessageOnPort.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { Frontend } from '../frontend/program.js';
import { ToolError } from './toolchain.js';
import type { Timings } from './timings.js';
import type { TargetName } from '../target/target.js';

/** Slots of the shared counters: the next program to hand out, the go signal (1 go, -1 stop), programs finished. */
export const NEXT = 0, GO = 1, COMPLETED = 2;

/** What a worker needs to compile its share: plain data (it crosses threads). */
export interface WorkerSetup {
  programs: { entry: string; output: string }[];
  target: TargetName;
  emit: 'exe' | 'obj' | 'asm' | 'ir';
  debug: boolean;
  verifyIr?: boolean;
  assembler?: 'nasm' | 'builtin';
  timings: boolean;
}

export interface WorkerData { setup: WorkerSetup; counters: SharedArrayBuffer; port: MessagePort }

/** A diagnostic as it crosses threads: its file by name. */
export interface SentDiagnostic { code: string; message: string; file?: string; start?: number; length?: number }

export interface SentError { name: string; message: string; stack?: string }

export type WorkerMessage =
  | { kind: 'frontend'; ms: number }
  | { kind: 'start'; index: number }
  | { kind: 'done'; index: number; diagnostics?: SentDiagnostic[]; error?: SentError; stages: [string, number][] };

export function sendDiagnostic(d: Diagnostic): SentDiagnostic {
  return { code: d.code, message: d.message, file: d.file?.fileName, start: d.start, length: d.length };
}

export function sendError(e: unknown): SentError {
  return e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { name: 'Error', message: String(e) };
}

function receiveError(e: SentError): Error {
  if (e.name === 'ToolError') return new ToolError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

const WORKER_URL = new URL('./eachworker.js', import.meta.url);

/** How long the main thread waits for some program to finish before it gives up on the workers (one takes about a second). */
const STALL_MS = 600_000;

/** How many threads compile an --each build of `count` programs by default: one per core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** What one program came to: nothing (written), its diagnostics, or an error that is not a diagnostic. */
export type Outcome = { diagnostics?: Diagnostic[]; error?: unknown } | undefined;

export class EachPool {
  private readonly counters = new Int32Array(new SharedArrayBuffer(12));
  /** One port per worker, for its messages. */
  private readonly ports: MessagePort[] = [];
  private readonly workers: Worker[] = [];

  /**
   * Starts `jobs - 1` workers for the programs of `setup` (the main thread
   * is the last), or returns null when the build is serial: one program,
   * one job, or a compiler run from its TypeScript sources (no worker file).
   */
  static start(setup: WorkerSetup, jobs: number): EachPool | null {
    const threads = Math.min(jobs, setup.programs.length);
    if (threads < 2 || !existsSync(fileURLToPath(WORKER_URL)) || !WORKER_URL.pathname.endsWith('.js')) return null;
    return new EachPool(setup, threads - 1);
  }

  private constructor(setup: WorkerSetup, workers: number) {
    for (let k = 0; k < workers; k++) {
      const { port1, port2 } = new MessageChannel();
      this.ports.push(port1);
      const data: WorkerData = { setup, counters: this.counters.buffer as SharedArrayBuffer, port: port2 };
      const w = new Worker(WORKER_URL, { workerData: data, transferList: [port2], execArgv: [] });
      w.unref();
      this.workers.push(w);
    }
  }

  /** Tells the workers to stop (the program did not check) and ends them. */
  abort(): void {
    Atomics.store(this.counters, GO, -1);
    Atomics.notify(this.counters, GO);
    this.end();
  }

  /**
   * Compiles the programs on every thread: `compileOne` runs on this one
   * for each index it takes. `onProgram` hears of each program's start,
   * whichever thread runs it. Returns each program's outcome, by index.
   */
  run(fe: Frontend, count: number, compileOne: (i: number) => Outcome,
    onProgram: ((i: number, n: number) => void) | undefined, timings: Timings | undefined): Outcome[] {
    const outcomes: Outcome[] = new Array(count).fill(undefined);
    const drain = (): void => {
      for (const port of this.ports) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const msg = m.message as WorkerMessage;
        if (msg.kind === 'frontend') timings?.background('frontend (workers)', msg.ms);
        else if (msg.kind === 'start') onProgram?.(msg.index, count);
        else {
          timings?.add(msg.stages);
          outcomes[msg.index] = msg.error ? { error: receiveError(msg.error) }
            : msg.diagnostics ? { diagnostics: msg.diagnostics.map((d) => ({ ...d, file: d.file === undefined ? undefined : fe.program.getSourceFile(d.file) })) }
              : undefined;
        }
      }
    };
    Atomics.store(this.counters, GO, 1);
    Atomics.notify(this.counters, GO);
    try {
      for (let i = Atomics.add(this.counters, NEXT, 1); i < count; i = Atomics.add(this.counters, NEXT, 1)) {
        drain();
        onProgram?.(i, count);
        outcomes[i] = compileOne(i);
        Atomics.add(this.counters, COMPLETED, 1);
      }
      let last = Atomics.load(this.counters, COMPLETED);
      let since = Date.now();
      for (let done = last; done < count; done = Atomics.load(this.counters, COMPLETED)) {
        drain();
        if (done !== last) [last, since] = [done, Date.now()];
        // A worker that died inside a program (out of memory) never finishes it: fail, do not hang.
        else if (Date.now() - since > STALL_MS) throw new Error(`internal: no program of the --each build finished in ${STALL_MS / 1000} s; a worker thread stopped (rerun with --jobs 1)`);
        Atomics.wait(this.counters, COMPLETED, done, 100);
      }
      drain();
    } finally {
      this.end();
    }
    return outcomes;
  }

  private end(): void {
    for (const w of this.workers) void w.terminate();
    for (const port of this.ports) port.close();
  }
}
