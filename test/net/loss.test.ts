// TCP with loss (issue #17): a test build drops, duplicates and reorders a
// seeded tenth of the TCP segments it receives (kernel/testing/netfaults.ts),
// and `tcp bulk` must still deliver every byte, in order, through one
// connection over 127.0.0.1; /dev/netstat shows that the faults happened
// and that TCP retransmitted, and every block and buffer comes back.
import { describe, expect, it } from 'vitest';
import { PROMPT, bootTestKernel, sendCommand, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';

/** The counters of /dev/netstat as a map. */
async function netstat(vm: Parameters<typeof shellRun>[0]): Promise<Map<string, number>> {
  const text = await shellRun(vm, 'cat /dev/netstat');
  return new Map(text.split('\n').filter((l) => /^\w+ \d+$/.test(l)).map((l) => [l.split(' ')[0]!, Number(l.split(' ')[1])]));
}

describe('tcp with loss', () => {
  it('delivers every byte with 10% of the segments dropped, duplicated or reordered', async () => {
    const vm = await bootTestKernel();
    const at = await sendCommand(vm, 'netfaults 20261207 100');
    await vm.waitForSerial('netfaults on\r\n', undefined, { since: at });
    await sendCommand(vm, 'shell');
    await vm.waitForSerial(`\r\n${PROMPT}`);
    const mem = async (): Promise<string> => (await shellRun(vm, 'mem')).replace(/\(\d+ KiB free\)/, '');
    const before = await mem();
    expect(await shellRun(vm, 'tcp bulk 400000', hangLimit(240_000))).toBe('tcp: bulk 400000 ok\n');
    await shellRun(vm, 'sleep 5', hangLimit(30_000)); // TIME_WAIT passes
    const n = await netstat(vm);
    for (const name of ['test_dropped', 'test_duplicated', 'test_reordered', 'tcp_retransmits']) expect(n.get(name), name).toBeGreaterThan(10);
    expect(n.get('tcp_blocks')).toBe(0);
    expect(n.get('packets_in_use')).toBe(0);
    expect(await mem()).toBe(before);
  }, hangLimit(400_000));
});
