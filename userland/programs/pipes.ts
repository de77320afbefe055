// pipes: pipe2, dup, dup2, dup3 and fcntl inside one process, on tskc and
// on Linux alike. Prints "pipes: NAME ok" per check, "pipes: done, F
// failed", and exits with F:
//   rw       what is written comes out in order; a read takes what is there
//   eof      with the write end closed, a read of an empty pipe returns 0
//   epipe    with the read end closed, a write fails with EPIPE
//   dup      dup gives the lowest free fd, dup2 replaces an open one, dup2
//            of an fd onto itself returns it, dup3 onto itself is EINVAL
//   fcntl    FD_CLOEXEC from pipe2(O_CLOEXEC), F_SETFD, F_DUPFD from a
//            minimum, the access mode of each end (F_SETFL setting no
//            status flag is 0), bad fds EBADF, pipe2
//            with a bad pointer EFAULT and with an unknown flag EINVAL
//   full     a pipe holds at least 4 KiB; filling it leaves the writer
//            blocked, so this only fills it to 4096 bytes and drains it
// The epipe check ignores SIGPIPE first (rt_sigaction), on tskc as on Linux.

import {
  SIG_IGN, SIGPIPE, EBADF, EFAULT, EINVAL, EPIPE, F_DUPFD, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_CLOEXEC, O_RDONLY, O_WRONLY,
} from '../../kernel/syscall/numbers';
import { checksFor, groupsFailed, verdictIf } from '../lib/checks';
import { printf } from '../lib/print';
import { close, dup, dup2, exit, fcntl, pipe2, read, write } from '../lib/sys';
import { sigaction } from '../lib/signals';

const fds: usize = memory.data(8);
const buf: usize = memory.data(8192);
checksFor('pipes');

function readEnd(): i64 {
  return i64(load<i32>(fds));
}

function writeEnd(): i64 {
  return i64(load<i32>(fds + 4));
}

/** SIGPIPE ignored, so that EPIPE comes back as an error (the default action would end this process). */
function ignoreSigpipe(): void {
  sigaction(SIGPIPE, u64(SIG_IGN), 0, 0);
}

function checkReadWrite(): void {
  const made = pipe2(fds, 0) == 0;
  memcpy(buf, changetype<usize>('hello, pipe') + 8, 11);
  const w = write(writeEnd(), buf, 11);
  store<u64>(buf, 0);
  const r1 = read(readEnd(), buf, 5);
  const r2 = read(readEnd(), buf + 5, 100);
  const same = memcmp(buf, changetype<usize>('hello, pipe') + 8, 11) == 0;
  verdictIf('rw', made && w == 11 && r1 == 5 && r2 == 6 && same);
  close(writeEnd());
  verdictIf('eof', read(readEnd(), buf, 10) == 0);
  close(readEnd());
}

function checkEpipe(): void {
  ignoreSigpipe();
  pipe2(fds, 0);
  close(readEnd());
  verdictIf('epipe', write(writeEnd(), buf, 1) == -EPIPE);
  close(writeEnd());
}

function checkDup(): void {
  pipe2(fds, 0);
  const r = readEnd();
  const w = writeEnd();
  const d = dup(w); // the lowest free fd: right after the two
  const ontoSelf = dup2(w, w) == w;
  const self3 = syscall(292, w, w, 0) == -EINVAL;
  const replaced = dup2(r, d) == d; // d now reads
  write(w, buf, 3);
  const n = read(d, buf, 10);
  const bad = dup(1000) == -EBADF && dup2(1000, 5) == -EBADF;
  verdictIf('dup', d == w + 1 && ontoSelf && self3 && replaced && n == 3 && bad);
  close(d);
  close(r);
  close(w);
}

function checkFcntl(): void {
  pipe2(fds, O_CLOEXEC);
  const r = readEnd();
  const w = writeEnd();
  const cloexec = fcntl(r, F_GETFD, 0) == FD_CLOEXEC;
  const cleared = fcntl(r, F_SETFD, 0) == 0 && fcntl(r, F_GETFD, 0) == 0;
  const high = fcntl(w, F_DUPFD, 10);
  const modes = (fcntl(r, F_GETFL, 0) & 3) == O_RDONLY && (fcntl(w, F_GETFL, 0) & 3) == O_WRONLY && fcntl(r, F_SETFL, 0) == 0;
  const bad = fcntl(1000, F_GETFD, 0) == -EBADF && read(w, buf, 1) == -EBADF && write(r, buf, 1) == -EBADF &&
    pipe2(0x10, 0) == -EFAULT && pipe2(fds, 1) == -EINVAL;
  verdictIf('fcntl', cloexec && cleared && high >= 10 && fcntl(high, F_GETFD, 0) == 0 && modes && bad);
  close(high);
  close(r);
  close(w);
}

function checkFull(): void {
  pipe2(fds, 0);
  let wrote: i64 = 0;
  for (let i: i32 = 0; i < 4; i++) wrote += write(writeEnd(), buf, 1024);
  let got: i64 = 0;
  while (got < 4096) {
    const n = read(readEnd(), buf, 8192);
    if (n <= 0) break;
    got += n;
  }
  verdictIf('full', wrote == 4096 && got == 4096);
  close(readEnd());
  close(writeEnd());
}

checkReadWrite();
checkEpipe();
checkDup();
checkFcntl();
checkFull();
printf(`pipes: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
