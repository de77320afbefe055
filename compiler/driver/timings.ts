// Per-stage wall-clock timings for `tskc build --timings`. A stage that runs
// more than once (once per program with --each) is reported as its sum.
// Work done in the background (the tool jobs of --each, tooljobs.ts) is
// listed after the total, which counts only the main thread's stages. With
// a parallel --each build (parallel.ts), the stages of the programs the
// worker threads compile are added in too, so the total can exceed the
// wall time; the workers' own frontends are listed as background work.

export class Timings {
  private readonly stages = new Map<string, number>();
  private readonly behind = new Map<string, number>();

  time<T>(stage: string, f: () => T): T {
    const t0 = process.hrtime.bigint();
    try {
      return f();
    } finally {
      this.stages.set(stage, (this.stages.get(stage) ?? 0) + Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }

  /** The stages timed so far, and forgets them (a worker sends them to the main thread's Timings). */
  take(): [string, number][] {
    const out = [...this.stages];
    this.stages.clear();
    return out;
  }

  /** Adds stage times measured elsewhere (another thread's `take`). */
  add(stages: [string, number][]): void {
    for (const [stage, ms] of stages) this.stages.set(stage, (this.stages.get(stage) ?? 0) + ms);
  }

  /** Adds `ms` of background work to `stage` (not part of the total). */
  background(stage: string, ms: number): void {
    this.behind.set(stage, (this.behind.get(stage) ?? 0) + ms);
  }

  report(): string {
    const row = (n: string, ms: number): string => `  ${n.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms`;
    const total = [...this.stages.values()].reduce((s, ms) => s + ms, 0);
    return [
      ...[...this.stages].map(([n, ms]) => row(n, ms)),
      row('total', total),
      ...[...this.behind].map(([n, ms]) => row(`${n} (background)`, ms)),
    ].join('\n');
  }
}
