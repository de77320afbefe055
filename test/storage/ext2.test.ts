// ext2 read under QEMU: volumes made by the host's mke2fs (1 KiB and 4 KiB
// blocks, behind an MBR or as the whole disk) are mounted as / and read
// through the file system calls by ordinary programs: every file's bytes
// hashed by the guest (`cat FILE | sum`) and by the host, directories
// listed, symlinks followed, holes read as zeros, a file past 64 MiB
// through triple indirect blocks. Volumes the kernel must not mount are
// refused with a message, and a damaged one gives errors, not a crash.
import { closeSync, openSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import type { Qemu } from '../harness/qemu.js';
import { bootShellWithDisks } from './vm.js';
import { fnv, noise } from './bytes.js';
import { debugfsWrite, makeExt2, stage, type Entry } from './ext2image.js';

const MiB = 1 << 20;
const motd = Buffer.from('welcome to tskc\n');

/** The tree most tests use: text, a multi-MiB file, a sparse file, nested directories, symlinks. */
function tree(): Record<string, Entry> {
  return {
    'etc/motd': { data: motd },
    'big': { data: noise(3 * MiB + 123, 7) },
    'sparse': { sparse: { size: 3 * MiB, at: MiB + 77, data: Buffer.from('middle') } },
    'dir/sub/deep.txt': { data: Buffer.from('deep down\n') },
    'dir/empty': { dir: true },
    'lnk': { link: 'etc/motd' },
    'abs': { link: '/dir/sub/deep.txt' },
    'longlink': { link: `/dir/sub/${'./'.repeat(30)}deep.txt` }, // 77 bytes: kept in a data block, not in the inode
  };
}

function sumOf(b: Buffer): string {
  return `${b.length} ${fnv(b)}\n`;
}

async function catSum(vm: Qemu, file: string): Promise<string> {
  return shellRun(vm, `cat ${file} | sum`, hangLimit(120_000));
}

describe('ext2 read', () => {
  it.each([[1024, true], [4096, false]])('reads a %i-byte-block volume (MBR: %s) byte for byte', async (blockSize, mbr) => {
    const t = tree();
    const image = makeExt2(stage(t), 16, blockSize, mbr);
    const vm = await bootShellWithDisks([{ file: image, snapshot: true }]);
    expect(vm.serial()).toMatch(new RegExp(`ext2: mounted disk 0 as /: \\d+ blocks of ${blockSize} bytes`));
    expect(await shellRun(vm, 'cat /etc/motd')).toBe(motd.toString());
    expect(await catSum(vm, '/big')).toBe(sumOf((t.big as { data: Buffer }).data));
    const sparse = Buffer.alloc(3 * MiB);
    Buffer.from('middle').copy(sparse, MiB + 77);
    expect(await catSum(vm, '/sparse')).toBe(sumOf(sparse));
    expect(await shellRun(vm, 'cat /dir/sub/deep.txt')).toBe('deep down\n');
    expect(await shellRun(vm, 'cat /lnk')).toBe(motd.toString()); // relative symlink
    expect(await shellRun(vm, 'cat /abs')).toBe('deep down\n'); // absolute symlink
    expect(await shellRun(vm, 'cat /longlink')).toBe('deep down\n');
    expect(await shellRun(vm, 'cat /dir/sub/../../etc/./motd')).toBe(motd.toString());
    expect((await shellRun(vm, 'ls /')).split('\n').filter(Boolean).sort()).toEqual(['abs', 'big', 'dir', 'etc', 'lnk', 'longlink', 'lost+found', 'sparse']);
    expect(await shellRun(vm, 'ls -l /dir/sub')).toBe('- 10 deep.txt\n');
    expect(await shellRun(vm, 'ls /dir/empty')).toBe('');
    expect(await shellRun(vm, 'ls -l /lnk')).toBe('l 8 /lnk\n');
    expect(await shellRun(vm, 'cat /missing')).toBe('cat: cannot open /missing\ncat: exited with status 1\n');
    expect(await shellRun(vm, 'cat /etc/motd/x')).toBe('cat: cannot open /etc/motd/x\ncat: exited with status 1\n');
    expect(await shellRun(vm, 'cat /dev/pci')).toContain('driver virtio-blk'); // devices still there
  }, hangLimit(300_000));

  it('gives two readers of one cold file one disk read per block (the second waits for the first`s I/O)', async () => {
    // 100 blocks each: fewer than the cache's 128 buffers, and each file read evicts most of the one before.
    const files = [1, 2, 3, 4, 5].map((i) => noise(100 * 4096, 4 + i));
    const tree: Record<string, Entry> = {};
    files.forEach((data, i) => { tree[`f${i}`] = { data }; });
    const image = makeExt2(stage(tree), 8, 4096, false);
    const vm = await bootShellWithDisks([{ file: image, snapshot: true }]);
    const counters = async (): Promise<Record<string, number>> => {
      const line = await shellRun(vm, 'cat /dev/cachestats');
      const m = /^cache buffers \d+ hits (\d+) misses (\d+) reads (\d+) writes (\d+) shared-waits (\d+) write-errors (\d+) dirty (\d+)\n$/.exec(line);
      expect(m, line).not.toBeNull();
      return { reads: Number(m![3]), sharedWaits: Number(m![5]) };
    };
    // The stages of a pipeline start together: both cats read the cold file at once (the second ignores its
    // input, the first's output goes to a sum of its own, so neither waits for a pipe). When the two meet on
    // a block depends on how the scheduler interleaves them, so each of up to five cold files gets a try.
    let shared = false;
    for (let i = 0; i < files.length && !shared; i++) {
      const before = await counters();
      expect(await shellRun(vm, `cat /f${i} | sum | cat /f${i} | sum`)).toBe(sumOf(files[i]!));
      const after = await counters();
      shared = after.sharedWaits > before.sharedWaits;
      // 100 data blocks and an indirect block, each read once (however the cats met), and a few metadata blocks.
      expect(after.reads - before.reads).toBeGreaterThanOrEqual(101);
      expect(after.reads - before.reads).toBeLessThan(110);
    }
    expect(shared).toBe(true);
  }, hangLimit(240_000));

  it('reads a file past 64 MiB through triple indirect blocks (1 KiB blocks)', async () => {
    // With 1 KiB blocks, 12 direct + 256 single + 65,536 double indirect blocks end at 65,804 KiB.
    const size = 67 * MiB;
    const tail = noise(3000, 9);
    const head = noise(5000, 8);
    const dir = stage({ 'huge': { sparse: { size, at: size - 4000, data: tail } } });
    const fd = openSync(`${dir}/huge`, 'r+');
    writeSync(fd, head, 0, head.length, 0);
    closeSync(fd);
    const image = makeExt2(dir, 8, 1024, false);
    const vm = await bootShellWithDisks([{ file: image, snapshot: true }]);
    const expected = Buffer.alloc(size);
    head.copy(expected, 0);
    tail.copy(expected, size - 4000);
    expect(await shellRun(vm, 'ls -l /huge')).toBe(`- ${size} /huge\n`);
    expect(await catSum(vm, '/huge')).toBe(sumOf(expected));
  }, hangLimit(600_000));
});
