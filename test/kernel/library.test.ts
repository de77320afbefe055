// The standard library in the running kernel (test build, the `library`
// command of kernel/testing/commands.ts): vectors, maps, sets, lists, heaps,
// bit sets and the text builder on the kernel heap give the expected values,
// and the heap's counters are back where they were once all is freed.
import { describe, expect, it } from 'vitest';
import { bootTestKernel, sendCommand } from './kernel.js';

describe('the standard library in the kernel (test build)', () => {
  it('computes on the kernel heap and frees every byte', async () => {
    const vm = await bootTestKernel();
    const answer = /library vec (\d+) map (\d+) set (\d+) list (\d+) heap (\d+) bits (\d+) text (\d+) bytes (\d+) (\d+) large (\d+) (\d+)\r\n/;
    const at = await sendCommand(vm, 'library');
    const m = (await vm.waitForSerial(answer, undefined, { since: at })).slice(at).match(answer)!;
    expect(m.slice(1, 8).map(Number)).toEqual([5000, 4_500_000, 2, 100, 7, 4095, 10]);
    expect(m[9], 'heap bytes in use after free()').toBe(m[8]);
    expect(m[11], 'large blocks after free()').toBe(m[10]);
  });
});
