// Per-stage wall-clock timings for `tskc build --timings`. A stage that runs
// more than once (once per program with --each) is reported as its sum.

export class Timings {
  private readonly stages = new Map<string, number>();

  time<T>(stage: string, f: () => T): T {
    const t0 = process.hrtime.bigint();
    try {
      return f();
    } finally {
      this.stages.set(stage, (this.stages.get(stage) ?? 0) + Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }

  report(): string {
    const total = [...this.stages.values()].reduce((s, ms) => s + ms, 0);
    const rows = [...this.stages].map(([n, ms]) => `  ${n.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms`);
    return [...rows, `  ${'total'.padEnd(20)} ${total.toFixed(1).padStart(8)} ms`].join('\n');
  }
}
