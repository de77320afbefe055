// The PCI listing of /dev/pci against QEMU's own view of the same VM
// (`info pci` through QMP's human-monitor-command): the same functions,
// ids, interrupt lines and pins, and BARs (kind, base, size). Two
// virtio-blk disks give the machine 64-bit and I/O BARs to size. Reading
// the listing gives every frame and heap byte back.
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { bootShellWithDisks, makeImage } from './vm.js';

interface Fn { id: string; irq: string | null; bars: string[] }

/** Parses QEMU's `info pci` into functions "bb:dd.f vvvv:dddd" with IRQ and BARs (the ROM, BAR6, left out). */
function parseQemu(text: string): Fn[] {
  const fns: Fn[] = [];
  let cur: Fn | null = null;
  let loc = '';
  for (const line of text.split(/\r?\n/)) {
    let m = /^\s*Bus\s+(\d+), device\s+(\d+), function (\d+):/.exec(line);
    if (m) {
      loc = `${hex(m[1]!, 2)}:${hex(m[2]!, 2)}.${m[3]}`;
      continue;
    }
    m = /PCI device ([0-9a-f]{4}):([0-9a-f]{4})/.exec(line);
    if (m && !/subsystem/.test(line)) {
      cur = { id: `${loc} ${m[1]}:${m[2]}`, irq: null, bars: [] };
      fns.push(cur);
      continue;
    }
    if (!cur) continue;
    m = /IRQ (\d+), pin ([A-D])/.exec(line);
    if (m) cur.irq = `${m[1]} ${m[2]}`;
    m = /BAR(\d): (I\/O|32 bit|64 bit)( prefetchable)?(?: memory)? at (0x[0-9a-f]+) \[(0x[0-9a-f]+)\]/.exec(line);
    if (m && m[1] !== '6') {
      const kind = m[2] === 'I/O' ? 'io' : m[2] === '32 bit' ? 'mem32' : 'mem64';
      const base = BigInt(m[4]!);
      const size = BigInt(m[5]!) - base + 1n;
      cur.bars.push(`${m[1]} ${kind}${m[3] ? ' prefetchable' : ''} 0x${base.toString(16)} size 0x${size.toString(16)}`);
    }
  }
  return fns;
}

function hex(decimal: string, digits: number): string {
  return Number(decimal).toString(16).padStart(digits, '0');
}

/** Parses the kernel's /dev/pci listing (docs/storage.md) the same way. */
function parseKernel(text: string): Fn[] {
  const fns: Fn[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) ([0-9a-f]{4}:[0-9a-f]{4}) class [0-9a-f.]+ rev [0-9a-f]{2}(?: irq (\d+) pin ([A-D]))? driver \S+$/.exec(line);
    if (m) {
      fns.push({ id: `${m[1]} ${m[2]}`, irq: m[3] ? `${m[3]} ${m[4]}` : null, bars: [] });
      continue;
    }
    const b = /^ {2}bar(\d) (io|mem32|mem64)( prefetchable)? (0x[0-9a-f]+) size (0x[0-9a-f]+)$/.exec(line);
    if (b) fns[fns.length - 1]!.bars.push(`${b[1]} ${b[2]}${b[3] ?? ''} ${b[4]} size ${b[5]}`);
    else if (line !== '') throw new Error(`unexpected /dev/pci line: ${JSON.stringify(line)}`);
  }
  return fns;
}

describe('PCI', () => {
  it('/dev/pci lists what QEMU`s info pci lists: functions, ids, IRQs, BARs with sizes', async () => {
    const disks = [makeImage(Buffer.alloc(1 << 20)), makeImage(Buffer.alloc(1 << 20))].map((file) => ({ file }));
    const vm = await bootShellWithDisks(disks);
    const listing = await shellRun(vm, 'cat /dev/pci');
    const info = await vm.qmp<string>('human-monitor-command', { 'command-line': 'info pci' });
    const ours = parseKernel(listing);
    const qemus = parseQemu(info);
    expect(qemus.length).toBeGreaterThanOrEqual(6); // host bridge, ISA, IDE, PM, VGA, two disks
    expect(qemus.filter((f) => f.id.endsWith('1af4:1001')).length).toBe(2);
    expect(qemus.some((f) => f.bars.some((b) => b.includes('mem64')))).toBe(true);
    expect(ours).toEqual(qemus);
  });

  it('gives every frame and heap byte back after the listing is read and closed', async () => {
    const vm = await bootShellWithDisks([]);
    await shellRun(vm, 'cat /dev/pci'); // the first run may keep a kernel stack for the next
    const before = await shellRun(vm, 'mem');
    for (let i = 0; i < 3; i++) expect(await shellRun(vm, 'cat /dev/pci')).toContain('8086:1237');
    expect(await shellRun(vm, 'mem')).toBe(before);
  });
});
