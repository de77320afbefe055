// fsbench FILE DIR: the file paths of `npm run bench` (docs/performance.md,
// "Storage paths"), timed with rdtsc from ring 3 (under QEMU's -icount the
// TSC counts guest instructions). Prints "fsbench: NAME N" lines, then
// "fsbench: done":
//   read-cold, read-cached   instructions per KiB reading FILE whole in
//                            64 KiB reads, the first time (every block from
//                            the disk) and again (from the buffer cache)
//   stat, open-close         the fewest instructions of 20 calls on FILE
//   list-cold, list-cached   instructions to list DIR whole with getdents64
//                            (4 KiB buffers), first and second time, per entry
// FILE must be bigger than 64 KiB and fit the cache for the cached figure.
import { argAddr } from '../lib/args';
import { printf } from '../lib/print';
import { close, exit, read } from '../lib/sys';
import { countEntries } from '../lib/dirlist';
import { O_RDONLY, SYS_OPENAT, SYS_STAT } from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const O_DIRECTORY: i64 = 0o200000;
const RUNS: i32 = 20;
const buf: usize = memory.data(65536);
const st: usize = memory.data(144);

function openPath(i: i32, flags: i64): i64 {
  return syscall(SYS_OPENAT, AT_FDCWD, argAddr(i), flags, 0);
}

/** Instructions to read FILE whole; its size in `bytes`. */
let bytes: u64 = 0;
function readAll(): u64 {
  const t0 = rdtsc();
  const fd = openPath(1, O_RDONLY);
  let total: u64 = 0;
  while (true) {
    const n = read(fd, buf, 65536);
    if (n <= 0) break;
    total += u64(n);
  }
  close(fd);
  const t1 = rdtsc();
  bytes = total;
  return t1 - t0;
}

let entries: u64 = 0;
function listAll(): u64 {
  const t0 = rdtsc();
  const fd = openPath(2, O_RDONLY | O_DIRECTORY);
  const count = countEntries(fd, buf);
  close(fd);
  const t1 = rdtsc();
  entries = count;
  return t1 - t0;
}

function best(kind: i32): u64 {
  let b: u64 = 0xffff_ffff_ffff_ffff;
  for (let i: i32 = 0; i < RUNS; i++) {
    const t0 = rdtsc();
    if (kind == 0) syscall(SYS_STAT, argAddr(1), st);
    else close(openPath(1, O_RDONLY));
    const t1 = rdtsc();
    if (t1 - t0 < b) b = t1 - t0;
  }
  return b;
}

const cold = readAll();
const cached = readAll();
const kib = bytes / 1024;
printf(`fsbench: bytes ${bytes}\n`);
printf(`fsbench: read-cold ${cold / (kib == 0 ? 1 : kib)}\n`);
printf(`fsbench: read-cached ${cached / (kib == 0 ? 1 : kib)}\n`);
printf(`fsbench: stat ${best(0)}\n`);
printf(`fsbench: open-close ${best(1)}\n`);
const listCold = listAll();
const listCached = listAll();
printf(`fsbench: entries ${entries}\n`);
printf(`fsbench: list-cold ${listCold / (entries == 0 ? 1 : entries)}\n`);
printf(`fsbench: list-cached ${listCached / (entries == 0 ? 1 : entries)}\n`);
printf('fsbench: done\n');
exit(0);
