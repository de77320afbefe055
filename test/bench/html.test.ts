// build/bench.html in a real browser: the page html.ts makes for a report is
// rendered by headless Chromium (installed by compiler/setup/bootstrap.js),
// and a script added for the test measures what Chromium laid out: every
// figure of the report has its bar, bars within a group are as long as
// their numbers say, and no label runs off its chart.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { hangLimit } from '../harness/timing.js';
import { benchHtml, figure, type BenchReport } from './html.js';
import { PATHS } from './kernel-paths.js';

// A report as `npm run bench` writes it; the figures only need to differ.
const report: BenchReport = {
  date: '2026-12-07T06:00:00.000Z',
  machine: { cpu: 'test cpu', cores: '2' },
  code: {
    benchmarks: [
      { name: 'fannkuch', what: 'fannkuch-redux n=10', tskc: { ms: 310 }, gcc: { ms: 280 }, node: { ms: 560 } },
      { name: 'hash', what: 'i64 hash loop x1e8', tskc: { ms: 990 }, gcc: { ms: 985 }, node: { ms: 4400 } },
      { name: 'nbody', what: 'n-body 2e6 steps', tskc: { ms: 150 }, node: { ms: 120 } },
    ],
  },
  kernelPaths: { instructions: { getpid: 34, yield: 88, switch: 260, 'pipe-round-trip': 1300, write2: 140, 'spawn-exit-reap': 2900 }, bootMs: 180, textBytes: 250_000 },
};

/** Measures the rendered bars and labels; the result goes into the page as JSON for --dump-dom. */
const MEASURE = `<script>
const bars = [...document.querySelectorAll('rect[data-value]')].map((r) => ({
  chart: r.closest('svg').id, group: r.dataset.group, bar: r.dataset.bar, value: Number(r.dataset.value), width: r.getBoundingClientRect().width }));
const overflow = [...document.querySelectorAll('svg text')].filter((t) => t.getBoundingClientRect().right > t.closest('svg').getBoundingClientRect().right + 0.5).map((t) => t.textContent);
const pre = document.createElement('pre');
pre.id = 'measured';
pre.textContent = JSON.stringify({ bars, overflow });
document.body.appendChild(pre);
</script>`;

interface Measured { bars: { chart: string; group: string; bar: string; value: number; width: number }[]; overflow: string[] }

async function render(html: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-bench-html-'));
  const page = join(dir, 'bench.html');
  writeFileSync(page, html.replace('</body>', `${MEASURE}</body>`));
  const r = await execa('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', `--user-data-dir=${join(dir, 'profile')}`,
    '--dump-dom', `file://${page}`], { reject: false, timeout: hangLimit(60_000) });
  const m = /<pre id="measured">(.*?)<\/pre>/s.exec(r.stdout);
  expect(m, `chromium exit ${r.exitCode}: ${r.stderr.slice(-2000)}`).not.toBeNull();
  return JSON.parse(m![1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')) as Measured;
}

describe('build/bench.html', () => {
  it('draws every figure as a bar as long as its number, within its chart', async () => {
    const got = await render(benchHtml(report));
    // Every figure has its bar: three per benchmark (two without gcc), and per kernel path the figures there are.
    const expected = [
      ...report.code!.benchmarks.flatMap((b) => [['tskc', b.tskc.ms], ['gcc -O2', b.gcc?.ms], ['Node', b.node.ms]]
        .filter(([, v]) => v !== undefined).map(([bar, v]) => `code ${b.name}: ${b.what} ${bar} ${v}`)),
      ...PATHS.flatMap((p) => [['tskc', report.kernelPaths!.instructions[p.key]], ['seed NASM kernel', figure(p.seed)], ['Linux 6.1', figure(p.linux)]]
        .filter(([, v]) => v !== undefined).map(([bar, v]) => `kernel ${p.label.replace(/`/g, "")} ${bar} ${v}`)),
      'kernel boot to the shell prompt (wall time; the seed: 210-320 ms) tskc 180',
      'kernel boot to the shell prompt (wall time; the seed: 210-320 ms) seed NASM kernel 210',
      'kernel kernel .text tskc 250000', 'kernel kernel .text seed NASM kernel 12190',
    ];
    expect(got.bars.map((b) => `${b.chart} ${b.group} ${b.bar} ${b.value}`)).toEqual(expected);
    // Within a group, the longest figure is the full bar and the others in proportion (a bar is at least a pixel).
    const groups = new Map<string, Measured['bars']>();
    for (const b of got.bars) groups.set(`${b.chart} ${b.group}`, [...(groups.get(`${b.chart} ${b.group}`) ?? []), b]);
    for (const bars of groups.values()) {
      const top = bars.reduce((a, b) => (b.value > a.value ? b : a));
      for (const b of bars) expect(b.width, `${b.group} ${b.bar}`).toBeCloseTo(Math.max(1, (b.value / top.value) * top.width), 0);
      expect(top.width).toBeGreaterThan(300);
    }
    expect(got.overflow).toEqual([]);
  }, hangLimit(90_000));
});
