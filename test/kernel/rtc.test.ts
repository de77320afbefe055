// The CMOS clock driver reads a plausible date: QEMU's RTC starts at the
// host's time (UTC), so the time the kernel prints at boot must be within a
// few minutes of the host's clock, and its year the host's year.
import { describe, expect, it } from 'vitest';
import { bootKernel } from './kernel.js';

describe('kernel RTC', () => {
  it('reads the host date and time at boot', async () => {
    const before = Date.now();
    const vm = await bootKernel();
    const upTo = await vm.waitForSerial(/\[ok\] rtc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\r\n/);
    const m = /\[ok\] rtc (\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\r\n$/.exec(upTo)!;
    const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    expect(month).toBeGreaterThanOrEqual(1);
    expect(month).toBeLessThanOrEqual(12);
    expect(day).toBeGreaterThanOrEqual(1);
    expect(day).toBeLessThanOrEqual(31);
    const kernelTime = Date.UTC(year, month - 1, day, hour, minute, second);
    expect(Math.abs(kernelTime - before)).toBeLessThan(5 * 60_000);
    expect(Math.abs(year - new Date().getUTCFullYear())).toBeLessThanOrEqual(1); // only at new year's eve can they differ
  });
});
