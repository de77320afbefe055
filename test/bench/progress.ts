// Progress of `npm run bench`: a line as each benchmark starts, with its
// place in the run and an estimate of the time left (the mean time of the
// benchmarks done so far, times the number still to run).

export class Progress {
  private readonly start = Date.now();
  private done = 0;

  constructor(private readonly total: number, private readonly log: (line: string) => void) {}

  /** Reports that `name` starts; call once per benchmark, in order. */
  next(name: string): void {
    const elapsed = (Date.now() - this.start) / 1000;
    const left = this.done === 0 ? 'estimating' : `about ${seconds((elapsed / this.done) * (this.total - this.done))} left`;
    this.done++;
    this.log(`[${this.done}/${this.total}] ${name} (${seconds(elapsed)} so far, ${left})`);
  }
}

/** `42 s`, `3 min 5 s`. */
export function seconds(s: number): string {
  const whole = Math.round(s);
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`;
}
