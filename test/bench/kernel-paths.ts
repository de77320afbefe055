// Part 3 of `npm run bench` (issue #8): kernel paths in exact instruction
// counts. The real kernel boots under QEMU with `-icount shift=0,sleep=off`,
// where the TSC counts guest instructions, and the shell runs the user
// program kbench (userland/programs/kbench.ts), which times each path with
// rdtsc from ring 3: syscall to the next user instruction. Beside each
// figure, the seed NASM kernel's and Linux's (REFERENCE.md §1–2) and the
// issue's target. Also the time from QEMU's start to the shell prompt (wall
// time, without -icount) and the size of the kernel's .text.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { Elf } from '../../compiler/debug/elf.js';
import { table, type Part, type PartResult } from './parts.js';

const PROMPT = 'tskc:/$ ';

export interface PathRow { key: string; label: string; seed: string; linux: string; target?: number }

/** Each path measured, with the seed kernel's and Linux's figures (REFERENCE.md §1–2); build/bench.html draws them too. */
export const PATHS: PathRow[] = [
  { key: 'getpid', label: 'getpid', seed: '21', linux: '321', target: 40 },
  { key: 'yield', label: 'sched_yield to itself', seed: '56', linux: '', target: 100 },
  { key: 'switch', label: 'sched_yield to another process (a switch)', seed: '', linux: '~2,500', target: 300 },
  { key: 'pipe-round-trip', label: '1-byte pipe round trip between two processes', seed: '', linux: '12,705', target: 1500 },
  { key: 'write2', label: 'write of 2 bytes to the console', seed: '119', linux: '' },
  { key: 'write2-null', label: 'write of 2 bytes to /dev/null', seed: '', linux: '' },
  { key: 'spawn-exit-reap', label: 'spawn + exit + reap (`true`)', seed: '8,524 *', linux: '', target: 3000 },
  { key: 'fault-kill-reap', label: 'spawn + page fault + kill + reap (`crash null`)', seed: '', linux: '' },
  { key: 'fork-exit-wait', label: 'fork + exit + wait4 (the child exits at once)', seed: '', linux: '', target: 5000 },
  { key: 'fork-exec-exit-wait', label: 'fork + execve(`/bin/true`) + exit + wait4 (spawn\'s equivalent)', seed: '', linux: '' },
];

/**
 * Boots `image` (with `extraArgs` for QEMU), waits for `prompt`, types
 * `input` (if any) and resolves with the serial text once `until` appears
 * (a string, or a test of the whole text).
 */
export function boot(
  image: string, icount: boolean, input: string | null, until: string | ((text: string) => boolean), extraArgs: string[] = [], timeoutMs = 120_000,
  prompt = PROMPT,
): Promise<{ text: string; promptMs: number }> {
  const done = typeof until === 'string' ? (t: string): boolean => t.includes(until) : until;
  const args = [
    ...(icount ? ['-icount', 'shift=0,sleep=off'] : []),
    // The boot disk says bootindex=0: SeaBIOS would otherwise try a disk of extraArgs first (the storage part's volume) and stop there.
    '-drive', `if=none,id=boot,format=raw,file=${image},snapshot=on`, '-device', 'virtio-blk-pci,drive=boot,bootindex=0',
    '-serial', 'stdio', '-display', 'none', '-net', 'none', '-no-reboot',
    ...extraArgs,
  ];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const vm = spawn('qemu-system-x86_64', args, { stdio: 'pipe' });
    let text = '';
    let promptMs = -1;
    const timer = setTimeout(() => {
      vm.kill('SIGKILL');
      reject(new Error(`kernel paths: no '${String(until)}' within ${timeoutMs / 1000} s; serial so far:\n${text}`));
    }, timeoutMs);
    vm.stdout!.on('data', (d: Uint8Array) => {
      text += new TextDecoder().decode(d);
      if (promptMs < 0 && text.includes(prompt)) {
        promptMs = performance.now() - start;
        if (input !== null) vm.stdin!.write(input);
      }
      if (done(text)) {
        clearTimeout(timer);
        vm.kill('SIGKILL');
        resolve({ text, promptMs });
      }
    });
    vm.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export const kernelPathsPart: Part = {
  key: 'kernelPaths',
  title: 'kernel paths (guest instructions, QEMU -icount shift=0,sleep=off)',
  run: async (o): Promise<PartResult> => {
    o.log('kernel paths: building the kernel');
    const img = buildKernelImage({ outDir: join(o.outDir, 'kernel'), debug: false, quiet: true });
    o.log('kernel paths: spawn kbench under -icount');
    const { text } = await boot(img.diskImage, true, 'spawn kbench\r', 'kbench: done');
    const counts = new Map<string, number>();
    for (const m of text.matchAll(/kbench: ([\w-]+) (\d+)/g)) counts.set(m[1]!, Number(m[2]));
    const bootMs: number[] = [];
    for (let i = 0; i < o.runs; i++) bootMs.push((await boot(img.diskImage, false, null, PROMPT)).promptMs);
    const text_ = Elf.read(img.kernelElf).sections.find((s) => s.name === '.text')!;
    const rows = PATHS.map((p) => {
      const n = counts.get(p.key);
      const verdict = p.target === undefined || n === undefined ? '' : n <= p.target ? `<= ${p.target} met` : `<= ${p.target} MISSED`;
      return [p.label, n === undefined ? '?' : n.toLocaleString('en-US'), p.seed, p.linux, verdict];
    });
    rows.push(['boot to the shell prompt (wall ms, median)', median(bootMs).toFixed(0), '210-320', '', '']);
    rows.push(['kernel .text (bytes)', text_.size.toLocaleString('en-US'), '12,190', '', '']);
    const lines = table(['path', 'tskc', 'seed NASM', 'Linux', 'target'], rows);
    lines.push('', '* the seed\'s "yield into a child that writes and exits, then reap"; its spawn alone is 8,249.');
    return { lines, json: { instructions: Object.fromEntries(counts), bootMs: median(bootMs), textBytes: text_.size } };
  },
};
