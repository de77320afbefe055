// build/bench.html, written by `npm run bench` beside build/bench.json: bar
// charts drawn as inline SVG (no script, no network), one group of bars per
// benchmark (tskc, gcc -O2, Node: median run time) and one per kernel path
// (tskc, the seed NASM kernel, Linux: guest instructions), with the boot time
// and .text size beside the seed's. Each group is
// scaled to its own longest bar, so small and large figures stay readable;
// every bar carries its number. test/bench/html.test.ts renders it in
// headless Chromium and measures the bars.
import { PATHS } from './kernel-paths.js';

/** The parts of build/bench.json the charts read (cli.ts writes it). */
export interface BenchReport {
  date: string;
  machine?: Record<string, string>;
  code?: { benchmarks: { name: string; what: string; tskc: { ms: number }; gcc?: { ms: number }; node: { ms: number } }[] };
  kernelPaths?: { instructions: Record<string, number>; bootMs?: number; textBytes?: number };
}

export interface Bar {
  label: string;
  value: number | undefined;
  colour: string;
}

const COLOURS = { tskc: '#2f6fdf', gcc: '#7a7a7a', node: '#3c9a3c', seed: '#c07020', linux: '#8a3fb0' };
const LABEL_W = 330;
const BAR_W = 420;
const ROW_H = 18;
const GAP = 10;

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A figure of the docs' tables as a number: `8,524 *` → 8524, `~2,500` → 2500, `` → undefined. */
export function figure(text: string): number | undefined {
  const m = /[\d,]+/.exec(text);
  return m ? Number(m[0].replace(/,/g, '')) : undefined;
}

/** The seed kernel's boot time and .text size (REFERENCE.md §1), beside tskc's in the kernel chart. */
const SEED_BOOT_MS = '210-320';
const SEED_TEXT_BYTES = '12,190';

/** One chart: a group of bars per row (in the group's unit, else the chart's), each group scaled to its longest bar. */
export function chart(id: string, title: string, unit: string, groups: { name: string; unit?: string; bars: Bar[] }[]): string {
  let y = 0;
  const parts: string[] = [];
  for (const g of groups) {
    const max = Math.max(...g.bars.map((b) => b.value ?? 0), 1e-9);
    parts.push(`<text x="0" y="${y + 13}" class="group">${escape(g.name)}</text>`);
    y += ROW_H;
    for (const b of g.bars) {
      const w = b.value === undefined ? 0 : Math.max(1, (b.value / max) * BAR_W);
      const shown = b.value === undefined ? 'n/a' : `${b.value.toLocaleString('en-US', { maximumFractionDigits: 0 })} ${g.unit ?? unit}`;
      parts.push(`<text x="${LABEL_W - 8}" y="${y + 13}" text-anchor="end">${escape(b.label)}</text>`);
      if (b.value !== undefined) {
        parts.push(`<rect x="${LABEL_W}" y="${y + 2}" width="${w.toFixed(2)}" height="${ROW_H - 4}" fill="${b.colour}" ` +
          `data-group="${escape(g.name)}" data-bar="${escape(b.label)}" data-value="${b.value}"/>`);
      }
      parts.push(`<text x="${LABEL_W + w + 6}" y="${y + 13}">${shown}</text>`);
      y += ROW_H;
    }
    y += GAP;
  }
  const width = LABEL_W + BAR_W + 120;
  return `<h2>${escape(title)}</h2>\n<svg id="${id}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">\n${parts.join('\n')}\n</svg>`;
}

/** The whole page for a report. */
export function benchHtml(r: BenchReport): string {
  const sections: string[] = [];
  if (r.code) {
    sections.push(chart('code', 'Generated code: median run time (shorter is better)', 'ms', r.code.benchmarks.map((b) => ({
      name: `${b.name}: ${b.what}`,
      bars: [
        { label: 'tskc', value: b.tskc.ms, colour: COLOURS.tskc },
        { label: 'gcc -O2', value: b.gcc?.ms, colour: COLOURS.gcc },
        { label: 'Node', value: b.node.ms, colour: COLOURS.node },
      ],
    }))));
  }
  if (r.kernelPaths) {
    const k = r.kernelPaths;
    const paths = PATHS.map((p) => ({
      name: p.label.replace(/`/g, ''),
      bars: [
        { label: 'tskc', value: k.instructions[p.key], colour: COLOURS.tskc },
        { label: 'seed NASM kernel', value: figure(p.seed), colour: COLOURS.seed },
        { label: 'Linux 6.1', value: figure(p.linux), colour: COLOURS.linux },
      ],
    }));
    const whole = [
      { name: 'boot to the shell prompt (wall time; the seed: 210-320 ms)', unit: 'ms', tskc: k.bootMs, seed: SEED_BOOT_MS },
      { name: 'kernel .text', unit: 'bytes', tskc: k.textBytes, seed: SEED_TEXT_BYTES },
    ].filter((w) => w.tskc !== undefined).map((w) => ({
      name: w.name, unit: w.unit,
      bars: [{ label: 'tskc', value: w.tskc, colour: COLOURS.tskc }, { label: 'seed NASM kernel', value: figure(w.seed), colour: COLOURS.seed }],
    }));
    sections.push(chart('kernel', 'Kernel paths in guest instructions, boot time and size (less is better)', 'instr.', [...paths, ...whole]));
  }
  const m = r.machine ? Object.entries(r.machine).map(([k, v]) => `${k}: ${escape(v)}`).join('; ') : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>tskc benchmarks ${escape(r.date)}</title>
<style>body { font: 14px sans-serif; margin: 24px; } svg text { font: 12px sans-serif; } svg text.group { font-weight: bold; }</style>
</head><body>
<h1>tskc benchmarks</h1>
<p>${escape(r.date)}${m ? ` — ${m}` : ''}. Each group of bars is scaled to its longest bar; build/bench.json has every run.</p>
${sections.join('\n')}
</body></html>
`;
}
