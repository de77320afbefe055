// fswrite ROOT [script | torture SEED COUNT [DIR] | fill [keep] | readonly
// | rm PATH]: writing files, on tskc (ROOT = /, an ext2 volume) and on
// Linux (ROOT = a directory) alike. `script` (the default) makes, writes,
// appends, truncates, links, renames and removes files and directories
// under ROOT/w and checks every result and the bytes read back; the test
// then checks the volume with e2fsck and reads the files left with
// debugfs. `torture` runs COUNT seeded random operations on six names
// under ROOT/DIR (a one-letter name, `t` by default) against a model of
// their contents kept here. `fill` (tskc only: it fills the volume) makes
// files until the inodes run out and writes until the blocks do, both
// ENOSPC, then frees everything (unless `keep`). `readonly` (tskc, a
// volume mounted read-only) checks that every change is EROFS while reads
// work. `rm PATH` unlinks PATH. Every mode syncs at the end and prints a
// verdict per group; the exit status is the number of failed groups.
import { argAddr, argCount, argIs, argNumber } from '../lib/args';
import { check, checksFor, groupsFailed, verdict } from '../lib/checks';
import { printf } from '../lib/print';
import { Random } from '../lib/random';
import { close, exit, meminfo, MemInfo, read, write } from '../lib/sys';
import {
  EBADF, EEXIST, EINVAL, EISDIR, ENOENT, ENOSPC, ENOTEMPTY, EPERM, EROFS, SYS_TRUNCATE, O_RDONLY, O_RDWR, O_WRONLY, SYS_CHDIR, SYS_FSTAT, SYS_FTRUNCATE, SYS_LINK,
  SYS_LSEEK, SYS_MKDIR, SYS_OPENAT, SYS_PREAD64, SYS_PWRITE64, SYS_RENAME, SYS_RMDIR, SYS_STAT, SYS_STATFS, SYS_SYNC, SYS_UNLINK, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
} from '../../kernel/syscall/numbers';

const AT_FDCWD: i64 = -100;
const buf: usize = memory.data(70000);
const back: usize = memory.data(70000);
const st: usize = memory.data(144);
const sfs: usize = memory.data(120);

function c(s: string): usize {
  return changetype<usize>(s) + 8; // literals end in a NUL
}

function openAt(path: usize, flags: i64): i64 {
  return syscall(SYS_OPENAT, AT_FDCWD, path, flags, 0o644);
}

/** The bytes the script writes: byte `i` of a file written with `seed`. */
function patternByte(seed: u64, i: u64): u8 {
  return u8((i * 7 + (i >> 10) * 3 + seed * 13) & 0xff);
}

function fill(p: usize, seed: u64, from: u64, len: usize): void {
  for (let i: usize = 0; i < len; i++) store<u8>(p + i, patternByte(seed, from + u64(i)));
}

/** Whether the `len` bytes at `p` are pattern `seed` from offset `from` (seed 256: zeros). */
function matches(p: usize, seed: u64, from: u64, len: usize): bool {
  for (let i: usize = 0; i < len; i++) {
    const want = seed == 256 ? u8(0) : patternByte(seed, from + u64(i));
    if (load<u8>(p + i) != want) return false;
  }
  return true;
}

function size(path: string): i64 {
  const r = syscall(SYS_STAT, c(path), st);
  return r < 0 ? r : load<i64>(st + 48);
}

function links(path: string): i64 {
  const r = syscall(SYS_STAT, c(path), st);
  return r < 0 ? r : load<i64>(st + 16);
}

function creating(): void {
  check('mkdir w', syscall(SYS_MKDIR, c('w'), 0o755), 0);
  check('mkdir w again', syscall(SYS_MKDIR, c('w'), 0o755), -EEXIST);
  const fd = openAt(c('w/a'), O_CREAT | O_WRONLY | O_TRUNC);
  check('create w/a', fd >= 0 ? 0 : fd, 0);
  fill(buf, 1, 0, 5000);
  for (let k: usize = 0; k < 5; k++) check('write 1000', write(fd, buf + k * 1000, 1000), 1000);
  check('read of a write-only fd', read(fd, back, 10), -EBADF);
  close(fd);
  check('size 5000', size('w/a'), 5000);
  check('O_EXCL of it', openAt(c('w/a'), O_CREAT | O_EXCL | O_WRONLY), -EEXIST);
  const ap = openAt(c('w/a'), O_WRONLY | O_APPEND);
  syscall(SYS_LSEEK, ap, 0, 0);
  fill(buf, 1, 5000, 1000);
  check('append 1000', write(ap, buf, 1000), 1000);
  close(ap);
  check('size 6000', size('w/a'), 6000);
  const rd = openAt(c('w/a'), O_RDONLY);
  check('write to a read-only fd', write(rd, buf, 10), -EBADF);
  check('read it all', read(rd, back, 7000), 6000);
  check('the bytes', matches(back, 1, 0, 6000) ? 1 : 0, 1);
  check('ftruncate of a read-only fd', syscall(SYS_FTRUNCATE, rd, 0), -EINVAL);
  close(rd);
  check('create in a missing directory', openAt(c('nowhere/x'), O_CREAT | O_WRONLY), -ENOENT);
  check('open a directory for writing', openAt(c('w'), O_WRONLY), -EISDIR);
  verdict('create');
}

function sparse(): void {
  const fd = openAt(c('w/big'), O_CREAT | O_RDWR);
  fill(buf, 2, 0, 65536);
  check('pwrite 64 KiB', syscall(SYS_PWRITE64, fd, buf, 65536, 0), 65536);
  fill(buf, 3, 300000, 4096);
  check('pwrite in the double indirect range', syscall(SYS_PWRITE64, fd, buf, 4096, 300000), 4096);
  fill(buf, 4, 5000000, 100);
  check('pwrite far out', syscall(SYS_PWRITE64, fd, buf, 100, 5000000), 100);
  check('the position is untouched', syscall(SYS_LSEEK, fd, 0, 1), 0);
  check('size', size('w/big'), 5000100);
  check('pread of a hole', syscall(SYS_PREAD64, fd, back, 1000, 200000), 1000);
  check('reads as zeros', matches(back, 256, 0, 1000) ? 1 : 0, 1);
  check('pread in the double indirect range', syscall(SYS_PREAD64, fd, back, 4096, 300000), 4096);
  check('its bytes', matches(back, 3, 300000, 4096) ? 1 : 0, 1);
  check('pread far out', syscall(SYS_PREAD64, fd, back, 1000, 5000000), 100);
  check('its bytes', matches(back, 4, 5000000, 100) ? 1 : 0, 1);
  check('pread at a negative offset', syscall(SYS_PREAD64, fd, back, 10, -1), -EINVAL);
  check('ftruncate to 100000', syscall(SYS_FTRUNCATE, fd, 100000), 0);
  check('fstat size', syscall(SYS_FSTAT, fd, st) == 0 ? load<i64>(st + 48) : -1, 100000);
  check('read the first 64 KiB', syscall(SYS_PREAD64, fd, back, 65536, 0), 65536);
  check('their bytes', matches(back, 2, 0, 65536) ? 1 : 0, 1);
  check('read to the end', syscall(SYS_PREAD64, fd, back, 50000, 65536), 100000 - 65536);
  check('zeros after the data', matches(back, 256, 0, 100000 - 65536) ? 1 : 0, 1);
  close(fd);
  const a = openAt(c('w/a'), O_RDWR);
  check('ftruncate w/a to 3000', syscall(SYS_FTRUNCATE, a, 3000), 0);
  check('and out to 4000', syscall(SYS_FTRUNCATE, a, 4000), 0);
  check('read', read(a, back, 5000), 4000);
  check('data then zeros', matches(back, 1, 0, 3000) && matches(back + 3000, 256, 0, 1000) ? 1 : 0, 1);
  check('ftruncate to -1', syscall(SYS_FTRUNCATE, a, -1), -EINVAL);
  close(a);
  verdict('sparse');
}

function names(): void {
  check('link w/a w/a2', syscall(SYS_LINK, c('w/a'), c('w/a2')), 0);
  check('two links', links('w/a'), 2);
  check('link to a directory', syscall(SYS_LINK, c('w'), c('w2')), -EPERM);
  check('link over a name', syscall(SYS_LINK, c('w/a'), c('w/big')), -EEXIST);
  check('rename w/a2 w/b', syscall(SYS_RENAME, c('w/a2'), c('w/b')), 0);
  check('w/a2 is gone', size('w/a2'), -ENOENT);
  check('rename w/b c (another directory)', syscall(SYS_RENAME, c('w/b'), c('c')), 0);
  const x = openAt(c('w/x'), O_CREAT | O_WRONLY);
  write(x, c('xx'), 2);
  close(x);
  check('rename c over w/x', syscall(SYS_RENAME, c('c'), c('w/x')), 0);
  check('w/x is w/a now', size('w/x'), 4000);
  check('still two links', links('w/a'), 2);
  check('rename a name onto its own inode', syscall(SYS_RENAME, c('w/a'), c('w/x')), 0);
  check('unlink w/a', syscall(SYS_UNLINK, c('w/a')), 0);
  check('one link left', links('w/x'), 1);
  check('unlink it again', syscall(SYS_UNLINK, c('w/a')), -ENOENT);
  check('unlink a directory', syscall(SYS_UNLINK, c('w')), -EISDIR);
  check('rename a missing file', syscall(SYS_RENAME, c('w/nope'), c('w/y')), -ENOENT);
  verdict('names');
}

function directories(): void {
  check('mkdir w/d1', syscall(SYS_MKDIR, c('w/d1'), 0o755), 0);
  check('mkdir w/d1/d2', syscall(SYS_MKDIR, c('w/d1/d2'), 0o755), 0);
  check('w/d1 has 3 links', links('w/d1'), 3);
  check('rmdir a full directory', syscall(SYS_RMDIR, c('w/d1')), -ENOTEMPTY);
  check('rmdir w/d1/d2', syscall(SYS_RMDIR, c('w/d1/d2')), 0);
  check('w/d1 has 2 links', links('w/d1'), 2);
  check('rmdir a file', syscall(SYS_RMDIR, c('w/x')), -20); // ENOTDIR
  check('rmdir .', syscall(SYS_RMDIR, c('w/d1/.')), -EINVAL);
  check('rename w/d1 d1moved', syscall(SYS_RENAME, c('w/d1'), c('d1moved')), 0);
  check('its .. moved', syscall(SYS_STAT, c('d1moved/..'), st) == 0 && syscall(SYS_STAT, c('.'), back) == 0 && load<u64>(st + 8) == load<u64>(back + 8) ? 1 : 0, 1);
  check('mkdir w/s', syscall(SYS_MKDIR, c('w/s'), 0o755), 0);
  check('rename w under itself', syscall(SYS_RENAME, c('w'), c('w/s/w')), -EINVAL);
  check('rename a directory over a file', syscall(SYS_RENAME, c('w/s'), c('w/x')), -20);
  check('rename a file over a directory', syscall(SYS_RENAME, c('w/x'), c('w/s')), -EISDIR);
  check('mkdir w/m', syscall(SYS_MKDIR, c('w/m'), 0o755), 0);
  const name = memory.data(16);
  let made: i64 = 0;
  for (let i: i32 = 0; i < 120; i++) { // more entries than one block holds
    numberedName(name, 'w/m/file-', i);
    const fd = openAt(name, O_CREAT | O_WRONLY | O_EXCL);
    if (fd >= 0) {
      made++;
      write(fd, name, 12);
      close(fd);
    }
  }
  check('120 files made', made, 120);
  for (let i: i32 = 0; i < 120; i += 2) {
    numberedName(name, 'w/m/file-', i);
    check('unlink', syscall(SYS_UNLINK, name), 0);
  }
  let found: i64 = 0;
  for (let i: i32 = 0; i < 120; i++) {
    numberedName(name, 'w/m/file-', i);
    if (syscall(SYS_STAT, name, st) == 0) found++;
  }
  check('60 files left', found, 60);
  check('O_CREAT of a name ending in /', openAt(c('w/newf/'), O_CREAT | O_WRONLY), -EISDIR);
  check('mkdir w/gone', syscall(SYS_MKDIR, c('w/gone'), 0o755), 0);
  check('chdir w/gone', syscall(SYS_CHDIR, c('w/gone')), 0);
  check('rmdir it from inside', syscall(SYS_RMDIR, c('../gone')), 0);
  check('create in the removed directory', openAt(c('x'), O_CREAT | O_WRONLY), -ENOENT);
  check('mkdir in it', syscall(SYS_MKDIR, c('y'), 0o755), -ENOENT);
  check('back to ROOT', syscall(SYS_CHDIR, argAddr(1)), 0);
  verdict('directories');
}

/** Writes `prefix` then `i` in three digits and a NUL to `p`. */
function numberedName(p: usize, prefix: string, i: i32): void {
  const n = usize(prefix.length);
  memcpy(p, c(prefix), n);
  store<u8>(p + n, u8(48 + (i / 100) % 10));
  store<u8>(p + n + 1, u8(48 + (i / 10) % 10));
  store<u8>(p + n + 2, u8(48 + i % 10));
  store<u8>(p + n + 3, 0);
}

/** Free blocks of the volume at ROOT (statfs's f_bfree). */
function freeBlocks(): i64 {
  syscall(SYS_STATFS, c('.'), sfs);
  return load<i64>(sfs + 24);
}

function openUnlinked(): void {
  const onTskc = meminfo(new MemInfo()) == 0; // the host's own free counts move under other programs
  const before = freeBlocks();
  const fd = openAt(c('w/tmp'), O_CREAT | O_RDWR);
  fill(buf, 5, 0, 20000);
  check('write 20000', write(fd, buf, 20000), 20000);
  check('unlink while open', syscall(SYS_UNLINK, c('w/tmp')), 0);
  check('gone by name', size('w/tmp'), -ENOENT);
  check('still read through the fd', syscall(SYS_PREAD64, fd, back, 20000, 0), 20000);
  check('its bytes', matches(back, 5, 0, 20000) ? 1 : 0, 1);
  check('no links', syscall(SYS_FSTAT, fd, st) == 0 ? load<i64>(st + 16) : -1, 0);
  if (onTskc) check('its blocks still taken', freeBlocks() < before ? 1 : 0, 1);
  close(fd);
  if (onTskc) check('every block back at the last close', freeBlocks(), before);
  verdict('unlinked');
}

/** The model of `torture`: six names under t/, each naming one of six contents (or none). */
const NAMES: i32 = 6;
const MAXSZ: u64 = 280 * 1024; // past the double indirect start at 1 KiB blocks
const model: usize = memory.data(6 * 280 * 1024);
const nameObj = new Int32Array(6);
const objRefs = new Int32Array(6);
const objSize = new Uint64Array(6);
const dirs = new Int32Array(2);
const rng = new Random();
const pathA: usize = memory.data(16);
const pathB: usize = memory.data(16);

let tdir: u8 = 116; // t

function tname(p: usize, k: i32, dir: bool): void {
  store<u8>(p, tdir); // t/fK or t/dK
  store<u8>(p + 1, 47);
  store<u8>(p + 2, dir ? 100 : 102);
  store<u8>(p + 3, u8(48 + k));
  store<u8>(p + 4, 0);
}

function freeObj(): i32 {
  for (let o: i32 = 0; o < NAMES; o++) if (objRefs[o] == 0) return o;
  return -1;
}

function drop(k: i32): void {
  const o = nameObj[k];
  if (o >= 0) objRefs[o]--;
  nameObj[k] = -1;
}

/** The object name k names, made (empty) if it names none. */
function ensure(k: i32): i32 {
  if (nameObj[k] < 0) {
    const o = freeObj();
    objRefs[o] = 1;
    objSize[o] = 0;
    nameObj[k] = o;
  }
  return nameObj[k];
}

/** Writes `len` random bytes at `off` to the model object `o` and to `fd` (pwrite, or write at the end). */
function writeBoth(fd: i64, o: i32, off: u64, len: u64, append: bool): void {
  const base = model + usize(o) * usize(MAXSZ);
  for (let i: u64 = 0; i < len; i++) store<u8>(buf + usize(i), u8(rng.next() >> 56));
  const at = append ? objSize[o] : off;
  const r = append ? write(fd, buf, usize(len)) : syscall(SYS_PWRITE64, fd, buf, len, off);
  check('write', r, i64(len));
  if (at > objSize[o]) memset(base + usize(objSize[o]), 0, usize(at - objSize[o]));
  memcpy(base + usize(at), buf, usize(len));
  if (at + len > objSize[o]) objSize[o] = at + len;
}

function verify(k: i32): void {
  tname(pathA, k, false);
  const fd = openAt(pathA, O_RDONLY);
  const o = nameObj[k];
  if (o < 0) {
    check('open of a removed name', fd, -ENOENT);
    return;
  }
  const base = model + usize(o) * usize(MAXSZ);
  let at: u64 = 0;
  let bad = false;
  while (at < objSize[o] && !bad) {
    const n = read(fd, back, 65536);
    if (n <= 0) break;
    if (memcmp(back, base + usize(at), usize(n)) != 0) bad = true;
    at += u64(n);
  }
  check('bytes read back agree with the model', bad ? 1 : 0, 0);
  check('length read back', i64(at), i64(objSize[o]));
  check('read at the end', read(fd, back, 10), 0);
  close(fd);
}

function torture(seed: u64, count: i64): void {
  rng.seed(seed);
  store<u8>(pathA, tdir);
  store<u8>(pathA + 1, 0);
  check('mkdir DIR', syscall(SYS_MKDIR, pathA, 0o755), 0);
  for (let k: i32 = 0; k < NAMES; k++) nameObj[k] = -1;
  for (let n: i64 = 0; n < count; n++) {
    const k = i32(rng.below(u64(NAMES)));
    const j = i32(rng.below(u64(NAMES)));
    tname(pathA, k, false);
    tname(pathB, j, false);
    const op = rng.below(12);
    if (op <= 3) { // write somewhere, often near the end
      const fd = openAt(pathA, O_CREAT | O_WRONLY);
      const o = ensure(k);
      const len = 1 + rng.below(4096);
      let off = rng.below(4) == 0 ? rng.below(MAXSZ - len) : objSize[o] + rng.below(2048);
      if (off + len > MAXSZ) off = MAXSZ - len;
      writeBoth(fd, o, off, len, false);
      close(fd);
    } else if (op == 4) {
      const fd = openAt(pathA, O_CREAT | O_WRONLY | O_APPEND);
      const o = ensure(k);
      const len = 1 + rng.below(3000);
      if (objSize[o] + len <= MAXSZ) writeBoth(fd, o, 0, len, true);
      close(fd);
    } else if (op == 5) { // ftruncate
      const fd = openAt(pathA, O_WRONLY);
      const o = nameObj[k];
      if (o < 0) check('open of a missing name', fd, -ENOENT);
      else {
        const to = rng.below(2) == 0 ? rng.below(objSize[o] + 1) : rng.below(MAXSZ);
        check('ftruncate', syscall(SYS_FTRUNCATE, fd, to), 0);
        const base = model + usize(o) * usize(MAXSZ);
        if (to > objSize[o]) memset(base + usize(objSize[o]), 0, usize(to - objSize[o]));
        objSize[o] = to;
        close(fd);
      }
    } else if (op == 6) { // O_TRUNC
      const fd = openAt(pathA, O_WRONLY | O_TRUNC);
      const o = nameObj[k];
      if (o < 0) check('O_TRUNC of a missing name', fd, -ENOENT);
      else {
        objSize[o] = 0;
        close(fd);
      }
    } else if (op == 7) {
      check('unlink', syscall(SYS_UNLINK, pathA), nameObj[k] < 0 ? -ENOENT : 0);
      drop(k);
    } else if (op == 8) {
      const r = syscall(SYS_RENAME, pathA, pathB);
      if (nameObj[k] < 0) check('rename of a missing name', r, -ENOENT);
      else {
        check('rename', r, 0);
        if (k != j && nameObj[k] != nameObj[j]) {
          drop(j);
          nameObj[j] = nameObj[k];
          nameObj[k] = -1;
        }
      }
    } else if (op == 9) {
      const r = syscall(SYS_LINK, pathA, pathB);
      if (nameObj[k] < 0) check('link of a missing name', r, -ENOENT);
      else if (nameObj[j] >= 0) check('link over a name', r, -EEXIST);
      else {
        check('link', r, 0);
        nameObj[j] = nameObj[k];
        objRefs[nameObj[k]]++;
      }
    } else if (op == 10) { // a directory made or removed
      const d = k & 1;
      tname(pathA, d, true);
      if (dirs[d] == 0) check('mkdir', syscall(SYS_MKDIR, pathA, 0o755), 0);
      else check('rmdir', syscall(SYS_RMDIR, pathA), 0);
      dirs[d] ^= 1;
    } else verify(k);
  }
  for (let k: i32 = 0; k < NAMES; k++) verify(k);
  verdict('torture');
}

/** tskc only: files until the inodes run out, bytes until the blocks do; all freed again. */
function filling(): void {
  check('statfs', syscall(SYS_STATFS, c('.'), sfs), 0);
  const freeBlocks = load<u64>(sfs + 24);
  const freeInodes = load<u64>(sfs + 48);
  check('mkdir f', syscall(SYS_MKDIR, c('f'), 0o755), 0);
  const name = memory.data(16);
  let files: i32 = 0;
  let last: i64 = 0;
  while (files < 1000) {
    numberedName(name, 'f/n', files);
    last = openAt(name, O_CREAT | O_WRONLY);
    if (last < 0) break;
    close(last);
    files++;
  }
  check('inodes run out: ENOSPC', last, -ENOSPC);
  numberedName(name, 'f/n', 0);
  const fd = openAt(name, O_WRONLY);
  fill(buf, 6, 0, 65536);
  let r: i64 = 0;
  let total: i64 = 0;
  for (let i: i32 = 0; i < 100000; i++) {
    r = write(fd, buf, 65536);
    if (r <= 0) break;
    total += r;
  }
  check('blocks run out: ENOSPC', r, -ENOSPC);
  check('the file holds what was written', syscall(SYS_FSTAT, fd, st) == 0 ? load<i64>(st + 48) : -1, total);
  check('a write of 1 byte', write(fd, buf, 1), -ENOSPC);
  close(fd);
  check('mkdir on a full volume', syscall(SYS_MKDIR, c('f/dir'), 0o755), -ENOSPC);
  if (argIs(3, 'keep')) { // leave it full, for e2fsck
    printf(`fswrite: filled ${files} files, ${total >> 10} KiB\n`);
    verdict('fill');
    return;
  }
  for (let i: i32 = 0; i < files; i++) {
    numberedName(name, 'f/n', i);
    check('unlink', syscall(SYS_UNLINK, name), 0);
  }
  check('rmdir f', syscall(SYS_RMDIR, c('f')), 0);
  syscall(SYS_STATFS, c('.'), sfs);
  check('every block free again', i64(load<u64>(sfs + 24)), i64(freeBlocks));
  check('every inode free again', i64(load<u64>(sfs + 48)), i64(freeInodes));
  printf(`fswrite: filled ${files} files, ${total >> 10} KiB\n`);
  verdict('fill');
}

/** tskc, on a volume mounted read-only: every change is EROFS, reads work. */
function readOnly(): void {
  check('open for writing', openAt(c('etc/motd'), O_WRONLY), -EROFS);
  check('O_TRUNC', openAt(c('etc/motd'), O_RDONLY | O_TRUNC), -EROFS);
  check('O_CREAT', openAt(c('new'), O_CREAT | O_WRONLY), -EROFS);
  check('mkdir', syscall(SYS_MKDIR, c('d'), 0o755), -EROFS);
  check('unlink', syscall(SYS_UNLINK, c('etc/motd')), -EROFS);
  check('rename', syscall(SYS_RENAME, c('etc/motd'), c('m')), -EROFS);
  check('link', syscall(SYS_LINK, c('etc/motd'), c('m')), -EROFS);
  check('rmdir', syscall(SYS_RMDIR, c('etc')), -EROFS);
  check('truncate', syscall(SYS_TRUNCATE, c('etc/motd'), 0), -EROFS);
  const fd = openAt(c('etc/motd'), O_RDONLY);
  check('read', read(fd, back, 100), 16);
  close(fd);
  check('statfs', syscall(SYS_STATFS, c('/'), sfs), 0);
  check('ST_RDONLY', load<i64>(sfs + 80) & 1, 1);
  verdict('readonly');
}

checksFor('fswrite');
check('chdir ROOT', syscall(SYS_CHDIR, argAddr(1)), 0);
if (argIs(2, 'torture')) {
  if (argCount() > 5) tdir = load<u8>(argAddr(5));
  torture(u64(argNumber(3, 1)), argNumber(4, 1000));
} else if (argIs(2, 'readonly')) readOnly();
else if (argIs(2, 'rm')) check('unlink', syscall(SYS_UNLINK, argAddr(3)), 0);
else if (argIs(2, 'fill')) filling();
else {
  creating();
  sparse();
  names();
  directories();
  openUnlinked();
}
syscall(SYS_SYNC);
printf(`fswrite: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
