// gdb on a -g kernel under QEMU: a breakpoint at a TS line is hit, the
// backtrace names the TS functions of the call chain with their TS lines,
// `next` steps to another TS line and `finish` returns to the caller's line.
// gdb is required (the bootstrap installs it): a missing gdb fails the test.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { execa } from 'execa';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildKernelImageAsync } from '../harness/build.js';
import { gdbScript } from '../../compiler/debug/gdb.js';
import { useQemu } from '../harness/qemu.js';
import { markedLine } from './markers.js';

const fixture = resolve(__dirname, 'fixtures', 'chain.ts');

/** Runs gdb in batch mode on a script; fails clearly when gdb is not installed. */
async function runGdb(script: string): Promise<string> {
  const r = await execa('gdb', ['-batch', '-nx', '-x', script], { reject: false, timeout: hangLimit(60_000), stdin: 'ignore' });
  if ((r as { code?: string }).code === 'ENOENT') {
    throw new Error('gdb is not installed: run `node compiler/setup/bootstrap.js` (or apt-get install gdb); the debugging tests need it');
  }
  return `${r.stdout}\n${r.stderr}`;
}

describe('gdb on a TypeScript kernel', () => {
  it('stops at a TS line, steps TS lines and backtraces through TS functions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-gdb-'));
    const img = await buildKernelImageAsync({ outDir: dir, debug: true, entry: fixture, quiet: true });
    const sock = join(dir, 'gdb.sock');
    await useQemu({
      image: img.diskImage,
      extraArgs: ['-chardev', `socket,id=gdb0,path=${sock},server=on,wait=off`, '-gdb', 'chardev:gdb0', '-S'],
    });
    const brk = markedLine(fixture, 'break');
    const call = markedLine(fixture, 'call');
    const script = join(dir, 'test.gdb');
    writeFileSync(script, gdbScript({
      elf: img.kernelElf,
      remote: sock,
      commands: [
        `break chain.ts:${brk}`, 'continue',
        'echo @bt\\n', 'bt',
        'next', 'echo @next\\n', 'frame',
        'delete', 'finish', 'echo @finish\\n', 'frame',
        'echo @end\\n', 'kill',
      ],
    }));
    const out = await runGdb(script);
    const section = (name: string): string => {
      const m = new RegExp(`@${name}\\n([\\s\\S]*?)@`).exec(out);
      if (!m) throw new Error(`no @${name} section in gdb's output:\n${out}`);
      return m[1];
    };
    expect(out, out).toMatch(new RegExp(`Breakpoint 1, leaf \\(\\) at \\S*chain\\.ts:${brk}\\n`));
    const frames = section('bt').split('\n').filter((l) => l.startsWith('#'));
    expect(frames.length, out).toBeGreaterThanOrEqual(3);
    expect(frames[0]).toMatch(new RegExp(`^#0 +leaf \\(\\) at \\S*chain\\.ts:${brk}$`));
    expect(frames[1]).toMatch(new RegExp(`^#1 +0x[0-9a-f]+ in middle \\(\\) at \\S*chain\\.ts:${call}$`));
    expect(frames[2]).toMatch(/^#2 +0x[0-9a-f]+ in top \(\) at \S*chain\.ts:\d+$/);
    // `next` moves to another line of leaf (the loop's increment or its test).
    const next = /#0 +(?:0x[0-9a-f]+ in )?leaf \(\) at \S*chain\.ts:(\d+)/.exec(section('next'));
    expect(next, out).not.toBeNull();
    expect(Number(next![1])).not.toBe(brk);
    expect(section('finish'), out).toMatch(new RegExp(`#0 +0x[0-9a-f]+ in middle \\(\\) at \\S*chain\\.ts:${call}\\n`));
  }, hangLimit(90_000));
});
