// The kernel's page tables enforce what docs/memory-map.md promises, under
// QEMU: a test kernel (fixtures/faults.ts) runs the real mmInit and then one
// forbidden access per step, each of which must end in a page fault with
// the right error code and CR2, while the allowed ones (user copies, an
// unguarded page) work; the kernel tables have no USER bit; running out of
// frames and heap is a clean report, and `new` a clean panic. With
// `-cpu max` SMAP and SMEP faults are checked too; without, the copies
// still work.
import { beforeAll, describe, expect, it } from 'vitest';
import { hangLimit } from '../harness/timing.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildKernelImageAsync } from '../harness/build.js';
import { useQemu } from '../harness/qemu.js';

// Page-fault error code bits.
const P = 0x1n, W = 0x2n, I = 0x10n;

interface Fault { step: string; vec: bigint; err: bigint; cr2: bigint }

/** The faults, each with the step that was running. */
function faults(serial: string): Fault[] {
  const out: Fault[] = [];
  let step = '';
  for (const line of serial.split(/\r?\n/)) {
    const s = /^step (\S+)/.exec(line);
    if (s) step = s[1];
    const f = /^fault vec=(\d+) err=(0x[0-9a-f]+) cr2=(0x[0-9a-f]+)/.exec(line);
    if (f) out.push({ step, vec: BigInt(f[1]), err: BigInt(f[2]), cr2: BigInt(f[3]) });
  }
  return out;
}

function hexAfter(serial: string, label: string): bigint {
  const m = new RegExp(`${label}(0x[0-9a-f]+)`).exec(serial);
  if (!m) throw new Error(`no "${label}" in the serial output`);
  return BigInt(m[1]);
}

describe('kernel page tables under QEMU', () => {
  let img = { diskImage: '', kernelElf: '' };
  beforeAll(async () => {
    img = await buildKernelImageAsync({
      outDir: mkdtempSync(join(tmpdir(), 'tskc-paging-')), debug: true, quiet: true,
      entry: join(import.meta.dirname, 'fixtures', 'faults.ts'),
    });
  });
  const sym = (name: string): bigint => {
    const m = new RegExp(`^([0-9a-f]+) \\w ${name}$`, 'm').exec(spawnSync('nm', [img.kernelElf], { encoding: 'utf8' }).stdout);
    if (!m) throw new Error(`no symbol ${name}`);
    return BigInt('0x' + m[1]);
  };

  async function run(cpu?: string): Promise<{ serial: string; f: Fault[] }> {
    const vm = await useQemu({ image: img.diskImage, elf: img.kernelElf, extraArgs: cpu ? ['-cpu', cpu] : [], timeoutMs: hangLimit(90_000) });
    // Generous: exhausting memory touches every frame, and the machine is shared.
    const serial = await vm.waitForSerial(/kernel panic: [^\n]*\n/, hangLimit(80_000));
    expect(serial).toContain('paging faults done');
    expect(serial).toContain('kernel panic: kernel heap: out of memory');
    return { serial, f: faults(serial) };
  }

  function checkCommon(serial: string, f: Fault[]): void {
    const at = (step: string): Fault => {
      const hit = f.find((x) => x.step === step);
      expect(hit, `a fault in step ${step}`).toBeDefined();
      return hit!;
    };
    // W^X and NX: writing .text, executing the heap and the stack.
    expect(at('write-text')).toEqual({ step: 'write-text', vec: 14n, err: P | W, cr2: sym('runSteps') });
    const heap = at('exec-heap');
    expect([heap.vec, heap.err, heap.cr2]).toEqual([14n, P | I, hexAfter(serial, 'heap code at ')]);
    const stack = at('exec-stack');
    expect([stack.vec, stack.err]).toEqual([14n, P | I]);
    // The stack it ran on is the handler's resume stack in .bss, NX like all data.
    expect(stack.cr2).toBeGreaterThan(sym('__bss_start'));
    // Page 0 and guard pages are not present.
    expect(at('null')).toEqual({ step: 'null', vec: 14n, err: 0n, cr2: 0n });
    expect(at('boot-stack-guard')).toEqual({ step: 'boot-stack-guard', vec: 14n, err: W, cr2: sym('__tskc_boot_stack_guard') + 4088n });
    expect(at('guard-page')).toEqual({ step: 'guard-page', vec: 14n, err: W, cr2: hexAfter(serial, 'guarded ') + 16n });
    expect(serial).toContain('unguarded page writable');
    for (const bad of ['wrote .text', 'executed the heap', 'executed the stack', 'read address 0', 'wrote the guard page', 'wrote a guarded page']) {
      expect(serial).not.toContain(bad);
    }
    // Copies between the kernel and a process's memory, and the ranges they refuse.
    expect(hexAfter(serial, 'copyToUser ')).toBe(0n);
    expect(hexAfter(serial, 'copyFromUser ')).toBe(0n);
    expect(serial).toContain('copy round trip ok');
    expect(serial).toContain('bad user ranges refused');
    expect(hexAfter(serial, 'address space destroyed, frames back: ')).toBeGreaterThanOrEqual(2n + 4n); // 2 pages, PDPT/PD/PT, PML4
    expect(serial).toMatch(/kernel tables: \d+ tables, \d+ pages, no USER bit/);
    // Out of memory: clean reports, everything back, then a clean panic from `new`.
    expect(serial).toMatch(/frames out of memory: allocFrame returned 0, frames allocated 0x[0-9a-f]+/);
    expect(serial).toContain('every free frame was handed out');
    expect(serial).toContain('all frames back');
    expect(serial).toMatch(/heap out of memory: kmalloc returned 0, blocks 0x[0-9a-f]+/);
    expect(serial).toContain('heap frames back');
    expect(f.every((x) => x.vec === 14n)).toBe(true);
  }

  it('faults on W^X, NX, page 0, guard pages, SMAP and SMEP (-cpu max)', { timeout: hangLimit(120_000) }, async () => {
    const { serial, f } = await run('max');
    expect(serial).toContain('mm: running on the kernel page tables (NX, WP, SMEP, SMAP)');
    expect(serial).toContain('step user-copy smap smep');
    checkCommon(serial, f);
    // SMAP: a plain kernel read of a user page (present, read, supervisor).
    const smap = f.find((x) => x.step === 'smap');
    expect(smap).toEqual({ step: 'smap', vec: 14n, err: P, cr2: 0x4000_0000_0000n + 4096n - 8n });
    expect(serial).not.toContain('kernel read user memory directly');
    // SMEP: ring 0 fetching from a user page that is executable (present, instruction fetch).
    expect(f.find((x) => x.step === 'smep')).toEqual({ step: 'smep', vec: 14n, err: P | I, cr2: 0x4000_0000_0000n });
    expect(serial).not.toContain('kernel executed user code');
  });

  it('enforces the rest, and copies user memory, without SMAP (default CPU)', { timeout: hangLimit(120_000) }, async () => {
    const { serial, f } = await run();
    expect(serial).toContain('mm: running on the kernel page tables (NX, WP)\r\n');
    expect(serial).toContain('step user-copy no smap');
    checkCommon(serial, f);
    expect(f.some((x) => x.step === 'smap' || x.step === 'smep')).toBe(false);
  });
});
