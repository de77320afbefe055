// fswalk DIR | fswalk images DEV COUNT BYTES: walks a file tree the way a
// user would touch a volume that may be damaged: every directory listed
// (getdents64), every entry lstat'ed, every file and link opened, fstat'ed
// and read (at most FILE_LIMIT bytes each), then a new file written, read
// back and removed, then sync. Every walk is bounded (depth, entries,
// bytes), so a directory that loops or a file that claims 4 GiB ends it.
// It prints one summary line, the same for the same tree on Linux and on
// tskc (order-independent: sums of hashes). `images` (tskc only) mounts,
// one after another, COUNT volumes of BYTES bytes laid end to end on the
// virtio disk DEV (mount(2) with data "offset=…,sizelimit=…") and walks
// each: the storage robustness test's damaged volumes, many per boot.
// `refusals DEV` (tskc only) prints what mount answers to bad arguments.
// docs/storage.md, "Mounting another volume".
import { argAddr, argCount, argIs, argNumber } from '../lib/args';
import { printf } from '../lib/print';
import { close, exit, read, write } from '../lib/sys';
import { cstrLength } from '../lib/text';
import {
  O_CREAT, O_RDONLY, O_RDWR, O_TRUNC, SYS_CHDIR, SYS_FSTAT, SYS_GETDENTS64, SYS_MOUNT, SYS_NEWFSTATAT, SYS_OPENAT, SYS_SYNC, SYS_UNLINK,
} from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const AT_SYMLINK_NOFOLLOW: i64 = 0x100;
const O_DIRECTORY: i64 = 0o200000;
const MAX_DEPTH: i32 = 6;
const MAX_ENTRIES: i64 = 300;
const FILE_LIMIT: i64 = 512 * 1024;
const PATH_ROOM: usize = 1024;
const path: usize = memory.data(1024);
const dents: usize = memory.data(1024 * 7); // one getdents64 buffer per depth
const buf: usize = memory.data(4096);
const st: usize = memory.data(144);
const text: usize = memory.data(96);

/** What one walk found. */
class Totals {
  entries: i64 = 0;
  files: i64 = 0;
  dirs: i64 = 0;
  links: i64 = 0;
  bytes: i64 = 0;
  errors: i64 = 0;
  sum: u32 = 0;

  reset(): void {
    this.entries = 0; this.files = 0; this.dirs = 0; this.links = 0; this.bytes = 0; this.errors = 0; this.sum = 0;
  }
}
const t = new Totals();

function c(s: string): usize {
  return changetype<usize>(s) + 8; // literals end in a NUL
}

function fnv(h: u32, p: usize, n: usize): u32 {
  for (let i: usize = 0; i < n; i++) h = (h ^ u32(load<u8>(p + i))) * 0x01000193;
  return h;
}

/** Reads the open file `fd` to its end (at most FILE_LIMIT bytes); the hash of its bytes. */
function readAll(fd: i64): u32 {
  let h: u32 = 0x811c9dc5;
  let total: i64 = 0;
  while (total < FILE_LIMIT) {
    const n = read(fd, buf, 4096);
    if (n < 0) t.errors++;
    if (n <= 0) break;
    h = fnv(h, buf, usize(n));
    total += n;
  }
  t.bytes += total;
  return h;
}

/** Opens, fstats and reads the file at `path`. */
function readFile(): void {
  const fd = syscall(SYS_OPENAT, AT_FDCWD, path, O_RDONLY, 0);
  if (fd < 0) {
    t.errors++;
    return;
  }
  if (syscall(SYS_FSTAT, fd, st) < 0) t.errors++;
  t.sum += readAll(fd) + fnv(0x811c9dc5, path, cstrLength(path));
  close(fd);
}

/** Walks the directory at `path` (`len` bytes of it) at `depth`. */
function walk(len: usize, depth: i32): void {
  const fd = syscall(SYS_OPENAT, AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0);
  if (fd < 0) {
    t.errors++;
    return;
  }
  const d = dents + usize(depth) * 1024;
  while (t.entries < MAX_ENTRIES) {
    const n = syscall(SYS_GETDENTS64, fd, d, 1024);
    if (n < 0) t.errors++;
    if (n <= 0) break;
    let at: i64 = 0;
    while (at < n && t.entries < MAX_ENTRIES) {
      const rec = d + usize(at);
      const reclen = i64(load<u16>(rec + 16));
      if (reclen <= 19 || at + reclen > n) {
        t.errors++;
        break;
      }
      at += reclen;
      const name = rec + 19;
      const nameLen = cstrLength(name);
      if (load<u8>(name) == 46 && (nameLen == 1 || (nameLen == 2 && load<u8>(name + 1) == 46))) continue;
      if (len + 1 + nameLen + 1 > PATH_ROOM) {
        t.errors++;
        continue;
      }
      store<u8>(path + len, 47);
      memcpy(path + len + 1, name, nameLen);
      store<u8>(path + len + 1 + nameLen, 0);
      t.entries++;
      visit(len + 1 + nameLen, depth);
      store<u8>(path + len, 0);
    }
  }
  close(fd);
}

/** One entry, named by `path` (`len` bytes). */
function visit(len: usize, depth: i32): void {
  if (syscall(SYS_NEWFSTATAT, AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW) < 0) {
    t.errors++;
    return;
  }
  const type = load<u32>(st + 24) & 0xf000;
  if (type == 0x4000) {
    t.dirs++;
    if (depth + 1 < MAX_DEPTH) walk(len, depth + 1);
  } else if (type == 0xa000) {
    t.links++;
    t.sum += u32(load<i64>(st + 48)); // the target's length
    readFile();
  } else if (type == 0x8000) {
    t.files++;
    readFile();
  }
}

/** Writes a file of 3,000 bytes, reads it back and removes it, then syncs: how many of those steps failed. */
function writeAndSync(): i64 {
  let failed: i64 = 0;
  const name = c('fswalk.new');
  for (let i: usize = 0; i < 3000; i++) store<u8>(buf + i, u8(i * 7));
  const fd = syscall(SYS_OPENAT, AT_FDCWD, name, O_RDWR | O_CREAT | O_TRUNC, 0o644);
  if (fd < 0) return 4;
  if (write(fd, buf, 3000) != 3000) failed++;
  close(fd);
  const back = syscall(SYS_OPENAT, AT_FDCWD, name, O_RDONLY, 0);
  if (back < 0 || read(back, buf, 4096) != 3000 || load<u8>(buf + 2999) != u8(2999 * 7)) failed++;
  if (back >= 0) close(back);
  if (syscall(SYS_UNLINK, name) != 0) failed++;
  if (syscall(SYS_SYNC) != 0) failed++;
  return failed;
}

/** Walks the current directory and prints the summary (after "image N " when `image` ≥ 0). */
function walkHere(image: i64): void {
  t.reset();
  store<u8>(path, 46); // "."
  store<u8>(path + 1, 0);
  walk(1, 0);
  const w = writeAndSync();
  if (image >= 0) printf(`fswalk: image ${image} `);
  else printf('fswalk: ');
  printf(`${t.entries} entries, ${t.dirs} dirs, ${t.files} files, ${t.links} links, ${t.bytes} bytes, sum ${t.sum}, errors ${t.errors}, write failures ${w}\n`);
}

/** The decimal digits of `v` at `p`; the address after them. */
function putDecimal(p: usize, v: i64): usize {
  let n: usize = 1;
  for (let x = v; x >= 10; x /= 10) n++;
  let x = v;
  for (let i = n; i > 0; i--) {
    store<u8>(p + i - 1, u8(48 + x % 10));
    x /= 10;
  }
  return p + n;
}

function putWord(p: usize, s: string): usize {
  memcpy(p, c(s), usize(s.length));
  return p + usize(s.length);
}

function images(): void {
  const count = argNumber(3, 0);
  const size = argNumber(4, 0);
  for (let i: i64 = 0; i < count; i++) {
    let p = putWord(text, 'offset=');
    p = putDecimal(p, i * size);
    p = putWord(p, ',sizelimit=');
    p = putDecimal(p, size);
    store<u8>(p, 0);
    const r = syscall(SYS_MOUNT, argAddr(2), c('/'), c('ext2'), 0, text);
    printf(`fswalk: image ${i} mount ${r}\n`);
    if (r == 0 && syscall(SYS_CHDIR, c('/')) == 0) walkHere(i);
    printf(`fswalk: image ${i} done\n`);
  }
  printf('fswalk: end\n');
}

/** mount's refusals, on DEV (tskc only): each result on one line, then a mount of DEV's first BYTES bytes. */
function refusals(): void {
  const dev = argAddr(2);
  const first = c('offset=0,sizelimit=524288');
  printf(`fswalk: type ext3 ${syscall(SYS_MOUNT, dev, c('/'), c('ext3'), 0, first)}\n`);
  printf(`fswalk: target /a ${syscall(SYS_MOUNT, dev, c('/a'), c('ext2'), 0, first)}\n`);
  printf(`fswalk: source /dev/vdz ${syscall(SYS_MOUNT, c('/dev/vdz'), c('/'), c('ext2'), 0, first)}\n`);
  printf(`fswalk: flags 2 ${syscall(SYS_MOUNT, dev, c('/'), c('ext2'), 2, first)}\n`);
  printf(`fswalk: data offset=1 ${syscall(SYS_MOUNT, dev, c('/'), c('ext2'), 0, c('offset=1,sizelimit=524288'))}\n`);
  printf(`fswalk: past the disk ${syscall(SYS_MOUNT, dev, c('/'), c('ext2'), 0, c('offset=0,sizelimit=1099511627776'))}\n`);
  const fd = syscall(SYS_OPENAT, AT_FDCWD, c('/'), O_RDONLY | O_DIRECTORY, 0);
  printf(`fswalk: with a file open ${syscall(SYS_MOUNT, dev, c('/'), c('ext2'), 0, first)}\n`);
  close(fd);
  printf(`fswalk: read-only ${syscall(SYS_MOUNT, dev, c('/'), c('ext2'), 1, first)}\n`);
  printf(`fswalk: write there ${syscall(SYS_OPENAT, AT_FDCWD, c('/new'), O_RDWR | O_CREAT, 0o644)}\n`);
}

if (argIs(1, 'images') && argCount() == 5) images();
else if (argIs(1, 'refusals') && argCount() == 3) refusals();
else if (argCount() == 2 && syscall(SYS_CHDIR, argAddr(1)) == 0) walkHere(-1);
else {
  printf('usage: fswalk DIR | fswalk images DEV COUNT BYTES | fswalk refusals DEV\n');
  exit(1);
}
