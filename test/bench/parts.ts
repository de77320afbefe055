// The parts of `npm run bench` share one shape, so a new part is one more
// entry in cli.ts.

export interface BenchOptions {
  root: string;
  /** build/bench: executables, scripts and the JSON report */
  outDir: string;
  runs: number;
  /** benchmark names to run (empty: all) */
  only: string[];
  instructions: boolean;
  log: (line: string) => void;
}

export interface PartResult {
  /** the part's table, printed after all parts ran */
  lines: string[];
  /** the part's entry in build/bench.json */
  json: unknown;
}

export interface Part {
  /** key in bench.json and name for --only */
  key: string;
  title: string;
  run(o: BenchOptions): PartResult | Promise<PartResult>;
}

/** Formats rows as a table with right-aligned columns after the first. */
export function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const w = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]): string => r.map((x, c) => (c === 0 ? x.padEnd(w[c]) : x.padStart(w[c]))).join('  ');
  return [fmt(header), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(fmt)];
}
