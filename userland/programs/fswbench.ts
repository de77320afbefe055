// fswbench DIR: the write paths of `npm run bench` (docs/performance.md,
// "Storage paths"), timed with rdtsc from ring 3 (under QEMU's -icount
// the TSC counts guest instructions) and, beside it, the monotonic clock
// (10 ms ticks: wall time when QEMU runs without -icount). DIR must not
// exist. Prints "fswbench: NAME N" lines, then "fswbench: done":
//   write-seq, write-seq-ms    4 MiB written to DIR/seq in 64 KiB writes
//                              (no sync: into the buffer cache, evicted
//                              blocks written back): per KiB, and ms
//   fsync, fsync-ms            the fsync after it: per KiB, and ms
//   create, list, unlink       1,000 files made in DIR/many (open O_CREAT
//                              + close), listed whole (getdents64, 4 KiB
//                              buffers), then unlinked: per file
//   create-ms, list-ms, unlink-ms   the same in ms for the 1,000
import { argAddr } from '../lib/args';
import { countEntries } from '../lib/dirlist';
import { printf } from '../lib/print';
import { clockGettime, close, exit, Timespec, write } from '../lib/sys';
import { O_CREAT, O_RDONLY, O_WRONLY, SYS_CHDIR, SYS_FSYNC, SYS_MKDIR, SYS_OPENAT, SYS_UNLINK } from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const O_DIRECTORY: i64 = 0o200000;
const CLOCK_MONOTONIC: i64 = 1;
const FILES: i64 = 1000;
const WRITE_BYTES: i64 = 4 * 1024 * 1024;
const buf: usize = memory.data(65536);
const name: usize = memory.data(16);
const now = new Timespec();

function c(s: string): usize {
  return changetype<usize>(s) + 8; // literals end in a NUL
}

function ms(): i64 {
  clockGettime(CLOCK_MONOTONIC, now);
  return now.sec * 1000 + now.nsec / 1_000_000;
}

/** "fNNNN" with its NUL at `name`. */
function fileName(i: i64): usize {
  store<u8>(name, 102);
  let v = i;
  for (let k: usize = 4; k >= 1; k--) {
    store<u8>(name + k, u8(48 + v % 10));
    v /= 10;
  }
  store<u8>(name + 5, 0);
  return name;
}

function report(label: string, instructions: u64, per: i64, millis: i64): void {
  printf(`fswbench: ${label} ${instructions / u64(per)}\n`);
  printf(`fswbench: ${label}-ms ${millis}\n`);
}

if (syscall(SYS_MKDIR, argAddr(1), 0o755) != 0 || syscall(SYS_CHDIR, argAddr(1)) != 0) {
  printf('fswbench: cannot make DIR\n');
  exit(1);
}
for (let i: usize = 0; i < 65536; i++) store<u8>(buf + i, u8(i * 13));

const fd = syscall(SYS_OPENAT, AT_FDCWD, c('seq'), O_WRONLY | O_CREAT, 0o644);
let m0 = ms();
let t0 = rdtsc();
for (let done: i64 = 0; done < WRITE_BYTES; done += 65536) write(fd, buf, 65536);
let t1 = rdtsc();
let m1 = ms();
report('write-seq', t1 - t0, WRITE_BYTES / 1024, m1 - m0);
t0 = rdtsc();
syscall(SYS_FSYNC, fd);
t1 = rdtsc();
report('fsync', t1 - t0, WRITE_BYTES / 1024, ms() - m1);
close(fd);

syscall(SYS_MKDIR, c('many'), 0o755);
syscall(SYS_CHDIR, c('many'));
m0 = ms();
t0 = rdtsc();
for (let i: i64 = 0; i < FILES; i++) close(syscall(SYS_OPENAT, AT_FDCWD, fileName(i), O_WRONLY | O_CREAT, 0o644));
t1 = rdtsc();
report('create', t1 - t0, FILES, ms() - m0);

m0 = ms();
t0 = rdtsc();
const dir = syscall(SYS_OPENAT, AT_FDCWD, c('.'), O_RDONLY | O_DIRECTORY, 0);
const entries = i64(countEntries(dir, buf));
close(dir);
t1 = rdtsc();
report('list', t1 - t0, entries, ms() - m0);

m0 = ms();
t0 = rdtsc();
for (let i: i64 = 0; i < FILES; i++) syscall(SYS_UNLINK, fileName(i));
t1 = rdtsc();
report('unlink', t1 - t0, FILES, ms() - m0);
printf(`fswbench: entries ${entries}\n`);
printf('fswbench: done\n');
exit(0);
