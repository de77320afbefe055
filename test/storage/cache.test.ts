// The buffer cache under QEMU (test build, `cache` commands of
// kernel/testing/storage.ts): hits do no I/O, writes stay in the cache
// until a sync (the host's copy of the image is unchanged until then),
// the least recently used block is the one evicted, and a dirty block
// that is evicted is written back first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendCommand } from '../kernel/kernel.js';
import type { Qemu } from '../harness/qemu.js';
import { hangLimit } from '../harness/timing.js';
import { bootTestKernelWithDisks, makeImage } from './vm.js';
import { fnv, noise, pattern } from './bytes.js';

async function cache(vm: Qemu, command: string): Promise<string> {
  const at = await sendCommand(vm, `cache ${command}`);
  const text = await vm.waitForSerial(/cache (?:read|write|sync) (?:ok|error)[^\r]*\r\n/, undefined, { since: at });
  return /(cache (?:read|write|sync) (?:ok|error)[^\r]*)\r\n/.exec(text.slice(at))![1]!;
}

/** The numbers of a "cache read ok HASH hits H misses M reads R" answer. */
function stats(answer: string): { hash: number; hits: number; misses: number; reads: number } {
  const m = /^cache read ok (\d+) hits (\d+) misses (\d+) reads (\d+)$/.exec(answer);
  expect(m, answer).not.toBeNull();
  return { hash: Number(m![1]), hits: Number(m![2]), misses: Number(m![3]), reads: Number(m![4]) };
}

const CACHE_BUFFERS = 128; // kernel/block/cache.ts

describe('buffer cache', () => {
  it('serves hits without I/O, keeps writes until sync, evicts the least recently used', async () => {
    const data = noise(1 << 20, 5);
    const file = makeImage(data);
    const vm = await bootTestKernelWithDisks([{ file }]);
    const block = (n: number, size: number): Buffer => data.subarray(n * size, (n + 1) * size);

    let s = stats(await cache(vm, 'read 0 5 4096'));
    expect(s).toEqual({ hash: fnv(block(5, 4096)), hits: 0, misses: 1, reads: 1 });
    s = stats(await cache(vm, 'read 0 5 4096'));
    expect(s).toEqual({ hash: fnv(block(5, 4096)), hits: 1, misses: 1, reads: 1 }); // no I/O

    expect(await cache(vm, 'write 0 7 1024 9')).toBe('cache write ok dirty 1');
    expect(readFileSync(file).subarray(7 * 1024, 8 * 1024).equals(block(7, 1024))).toBe(true); // write-back: not on disk yet
    expect(stats(await cache(vm, 'read 0 7 1024')).hash).toBe(fnv(pattern(1024, 9)));
    expect(await cache(vm, 'sync')).toBe('cache sync ok writes 1');
    expect(readFileSync(file).subarray(7 * 1024, 8 * 1024).equals(pattern(1024, 9))).toBe(true);

    // A dirty block, then as many other blocks as the cache holds: block 9 is evicted, written back first.
    expect(await cache(vm, 'write 0 9 1024 50')).toBe('cache write ok dirty 1');
    for (let i = 0; i < CACHE_BUFFERS; i++) stats(await cache(vm, `read 0 ${1000 + i} 512`));
    expect(readFileSync(file).subarray(9 * 1024, 10 * 1024).equals(pattern(1024, 50))).toBe(true); // before any sync
    const before = stats(await cache(vm, `read 0 ${1000 + CACHE_BUFFERS - 1} 512`)); // the most recent: a hit
    expect(before.reads).toBe(3 + CACHE_BUFFERS);
    const again = stats(await cache(vm, 'read 0 5 4096')); // long evicted: read again
    expect(again.hash).toBe(fnv(block(5, 4096)));
    expect(again.reads).toBe(before.reads + 1);
    expect(await cache(vm, 'sync')).toBe('cache sync ok writes 2'); // nothing dirty is left but what was written back
  }, hangLimit(240_000));
});
