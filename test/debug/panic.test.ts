// In-kernel symbolization: a kernel names one of its own functions and its
// TS line from the debug table, and its panic report walks the frame chain
// and names every TS function and call line; the host's tskc symbolize
// agrees with the kernel on each frame.
import { describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildKernelImageAsync } from '../harness/build.js';
import { symbolize } from '../../compiler/debug/symbolize.js';
import { useQemu } from '../harness/qemu.js';
import { markedLine } from './markers.js';
import { expectDocOutput } from '../docs/output.js';

const fixture = resolve(__dirname, 'fixtures', 'panic.ts');
const file = relative(process.cwd(), fixture);
const at = (marker: string): string => `${file.replace(/[.]/g, '\\.')}:${markedLine(fixture, marker)}`;

describe('in-kernel symbolization', () => {
  it('names its own function and the TS functions and lines of a panic backtrace', async () => {
    const img = await buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-panic-')), debug: false, entry: fixture, quiet: true });
    const vm = await useQemu({ image: img.diskImage, elf: img.kernelElf });
    const serial = (await vm.waitForSerial(/#3 [^\r\n]*\r\n/)).replace(/\r/g, '');
    expect(serial).toContain(`self: check ${file}\n`);
    expect(serial).toMatch(new RegExp(`code: 0x[0-9a-f]+ check at ${at('check')}\n`));
    expect(serial).toContain(`kernel panic: deliberate\n    at ${file}:${markedLine(fixture, 'throw')}\n`);
    const frames = [...serial.matchAll(/ {4}#(\d) (0x[0-9a-f]+) (\S+)(?: at (\S+))?\n/g)];
    expect(frames.map((f) => [f[3], f[4]])).toEqual([
      ['check', `${file}:${markedLine(fixture, 'throw')}`],
      ['descend', `${file}:${markedLine(fixture, 'descend')}`],
      ['tskc.init', `${file}:${markedLine(fixture, 'top')}`],
      ['_start', undefined],
    ]);
    expectDocOutput('kernel-panic', serial); // the example of docs/debugging.md
    // The host reads the same table out of the ELF: same functions, same lines.
    const host = symbolize(img.kernelElf, frames.map((f) => `0x${(BigInt(f[2]) - 1n).toString(16)}`));
    host.forEach((h, i) => expect(h).toMatch(new RegExp(`: ${frames[i][3].replace('.', '\\.')}\\+0x[0-9a-f]+${frames[i][4] ? ` at ${frames[i][4].replace(/[.]/g, '\\.')}:\\d+` : ''}$`)));
  }, hangLimit(60_000));

  it('lists the code addresses of the serial output, symbolized, when a kernel test fails', async () => {
    const img = await buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-panic-')), debug: false, entry: fixture, quiet: true });
    const vm = await useQemu({ image: img.diskImage, elf: img.kernelElf });
    await vm.waitForSerial('#3 ');
    // A marker that never comes: the failure report names the code of the backtrace.
    const err = await vm.waitForSerial('no such marker', 500).then(() => null, (e: Error) => e.message);
    expect(err).toContain(`--- code addresses in the serial output (${img.kernelElf}) ---`);
    expect(err).toMatch(new RegExp(`\\n0x[0-9a-f]+: descend\\+0x[0-9a-f]+ at ${at('descend')}:\\d+\\n`));
    expect(err).toMatch(/\n0x[0-9a-f]+: _start\+0x[0-9a-f]+\n/);
    // Addresses outside the kernel's code (e.g. its own self-report's line numbers) are not listed.
    expect(vm.symbolized().split('\n').filter((l) => l.startsWith('0x'))).toHaveLength(5);
  }, hangLimit(60_000));
});
