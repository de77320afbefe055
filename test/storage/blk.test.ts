// virtio-blk under QEMU (test build, kernel/testing/storage.ts): reads
// of a host-made image checked against the host's hash of the same
// bytes, writes and a flush read back from the image file on the host,
// 16 requests in flight at once, the end of the disk, and a device that
// fails writes (a read-only drive): -EIO, and the kernel keeps going.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendCommand } from '../kernel/kernel.js';
import type { Qemu } from '../harness/qemu.js';
import { bootTestKernelWithDisks, makeImage } from './vm.js';
import { fnv, noise, pattern } from './bytes.js';

async function blk(vm: Qemu, command: string): Promise<string> {
  const at = await sendCommand(vm, `blk ${command}`);
  const text = await vm.waitForSerial(/blk (?:read|write|flush|burst) (?:ok|error)[^\r]*\r\n|blk: [^\r]*\r\n/, undefined, { since: at });
  return /(blk (?:read|write|flush|burst) (?:ok|error)[^\r]*|blk: [^\r]*)\r\n/.exec(text.slice(at))![1]!;
}

const MiB = 1 << 20;

describe('virtio-blk', () => {
  it('reads a host-made image byte for byte, one request and 16 in flight, and refuses the end of the disk', async () => {
    const data = noise(4 * MiB, 16);
    const vm = await bootTestKernelWithDisks([{ file: makeImage(data), snapshot: true }]);
    const at = await sendCommand(vm, 'blk info');
    const info = (await vm.waitForSerial('blk end\r\n', undefined, { since: at })).slice(at);
    expect(info).toMatch(/^blk 0 capacity 8192 irq \d+\r$/m);
    const slice = (sector: number, bytes: number): Buffer => data.subarray(sector * 512, sector * 512 + bytes);
    expect(await blk(vm, 'read 0 0 4096')).toBe(`blk read ok ${fnv(slice(0, 4096))}`);
    expect(await blk(vm, 'read 0 1 512')).toBe(`blk read ok ${fnv(slice(1, 512))}`);
    expect(await blk(vm, 'read 0 8064 65536')).toBe(`blk read ok ${fnv(slice(8064, 65536))}`); // the last 64 KiB
    expect(await blk(vm, 'burst 0 40 16')).toBe(`blk burst ok in flight 16 hash ${fnv(slice(40, 16 * 4096))}`);
    expect(await blk(vm, 'read 0 8191 1024')).toBe('blk read error -5'); // one sector past the end
    expect(await blk(vm, 'read 0 8192 512')).toBe('blk read error -5');
    expect(await blk(vm, 'read 0 3 100')).toBe('blk read error -22'); // not whole sectors
    expect(await blk(vm, 'read 0 2 512')).toBe(`blk read ok ${fnv(slice(2, 512))}`); // still working
    // Completions came through the IRQ table: the disk's line has virtio-blk as an owner that handled them.
    const line = /irq (\d+)\r$/m.exec(info)![1];
    const t = await sendCommand(vm, 'irqs');
    const table = (await vm.waitForSerial('irqs end\r\n', undefined, { since: t })).slice(t);
    const row = new RegExp(`^irq ${line} owners (.*) handled (\\d+) unhandled \\d+\r$`, 'm').exec(table);
    expect(row?.[1]).toContain('virtio-blk');
    expect(Number(row?.[2])).toBeGreaterThanOrEqual(1);
  });

  it('writes and flushes: the host reads the bytes back from the image file; two disks stay apart', async () => {
    const first = makeImage(noise(MiB, 1));
    const secondData = noise(MiB, 2);
    const second = makeImage(secondData);
    const vm = await bootTestKernelWithDisks([{ file: first }, { file: second }]);
    expect(await blk(vm, 'write 0 100 8192 33')).toBe('blk write ok');
    expect(await blk(vm, 'write 0 2047 512 200')).toBe('blk write ok'); // the last sector
    expect(await blk(vm, 'flush 0')).toBe('blk flush ok');
    expect(await blk(vm, 'read 0 100 8192')).toBe(`blk read ok ${fnv(pattern(8192, 33))}`);
    expect(await blk(vm, 'read 1 100 8192')).toBe(`blk read ok ${fnv(secondData.subarray(100 * 512, 100 * 512 + 8192))}`);
    await vm.kill();
    const after = readFileSync(first);
    expect(after.subarray(100 * 512, 100 * 512 + 8192).equals(pattern(8192, 33))).toBe(true);
    expect(after.subarray(2047 * 512).equals(pattern(512, 200))).toBe(true);
    const untouched = noise(MiB, 1);
    expect(after.subarray(0, 100 * 512).equals(untouched.subarray(0, 100 * 512))).toBe(true);
    expect(readFileSync(second).equals(secondData)).toBe(true);
  });

  it('turns a device error into -EIO: writes to a read-only (modern-only) drive fail, reads go on', async () => {
    const data = noise(MiB, 3);
    const vm = await bootTestKernelWithDisks([{ file: makeImage(data), readonly: true, modern: true }]);
    await vm.waitForSerial('virtio-blk: disk 0, 2048 sectors');
    expect(await blk(vm, 'write 0 10 4096 1')).toBe('blk write error -5');
    expect(await blk(vm, 'write 0 10 4096 1')).toBe('blk write error -5');
    expect(await blk(vm, 'read 0 10 4096')).toBe(`blk read ok ${fnv(data.subarray(10 * 512, 10 * 512 + 4096))}`);
  });
});
