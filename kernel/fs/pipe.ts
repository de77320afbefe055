// Pipes: a PIPE_BYTES ring between a read end and a write end, each a
// Device that fds refer to (fdtable.ts counts the references). A read
// sleeps while the ring is empty and some write end is open, and returns 0
// (end of file) once none is; a write sleeps while the ring has no room and
// some read end is open, and fails with -EPIPE and SIGPIPE once none is
// (having written nothing; else it returns what it wrote). A signal ends
// either sleep: -EINTR, or the bytes written so far. A write of at most PIPE_BUF bytes
// is atomic: it waits until all of it fits. docs/processes.md, "Pipes".
import { copyFromCheckedUser, copyFromUser, copyToCheckedUser, copyToUser } from '../mm/usercopy';
import { WaitQueue } from '../proc/process';
import { currentProcess } from '../proc/sched';
import { signalSend } from '../proc/signal';
import { sleepInterruptible, wakeAll } from '../proc/waitqueue';
import { pollNotify } from '../proc/pollwait';
import { EBADF, EINTR, EPIPE, POLLERR, POLLHUP, POLLIN, POLLOUT, SIGPIPE } from '../syscall/numbers';
import { Device } from './device';

/** Bytes a pipe holds. */
export const PIPE_BYTES: u64 = 4096;
/** Writes up to this long are never interleaved with other writes (Linux's PIPE_BUF). */
export const PIPE_BUF: u64 = 4096;

class Pipe {
  readonly ring = new Uint8Array(4096);
  /** Bytes ever read and written: the ring holds written - read bytes from offset read % PIPE_BYTES. */
  read: u64 = 0;
  written: u64 = 0;
  /** Open ends: references from fds, each end counted once per fd. */
  readers: i32 = 0;
  writers: i32 = 0;
  readWait = new WaitQueue();
  writeWait = new WaitQueue();

  held(): u64 {
    return this.written - this.read;
  }
}

/**
 * Copies `n` bytes between the ring at position `at` and user memory at
 * `user` (two pieces across the wrap). `checked`: the system call's range
 * check (files.ts transferLength) still holds, as nothing slept since; the
 * copy then skips its own walk of the page tables.
 */
function ringCopy(p: Pipe, at: u64, user: u64, n: u64, toUser: bool, checked: bool): i64 {
  const start = at % PIPE_BYTES;
  const first = n < PIPE_BYTES - start ? n : PIPE_BYTES - start;
  const base = changetype<usize>(p.ring) + 8;
  if (checked && first == n) {
    if (toUser) copyToCheckedUser(user, base + usize(start), n);
    else copyFromCheckedUser(base + usize(start), user, n);
    return 0;
  }
  let r = toUser ? copyToUser(user, base + usize(start), first) : copyFromUser(base + usize(start), user, first);
  if (r == 0 && first < n) r = toUser ? copyToUser(user + first, base, n - first) : copyFromUser(base, user + first, n - first);
  return r;
}

export class PipeEnd extends Device {
  constructor(readonly pipe: Pipe, readonly writing: bool) {
    super();
  }

  path(): string { return 'pipe:'; }

  read(buf: u64, len: u64): i64 {
    const p = this.pipe;
    if (this.writing) return -EBADF; // not reached: an fd's access mode keeps reads off a write end
    if (len == 0) return 0;
    let slept = false;
    while (p.held() == 0) {
      if (p.writers == 0) return 0;
      if (!sleepInterruptible(p.readWait)) return -EINTR;
      slept = true;
    }
    const n = len < p.held() ? len : p.held();
    const r = ringCopy(p, p.read, buf, n, true, !slept);
    if (r < 0) return r;
    p.read += n;
    wakeAll(p.writeWait);
    pollNotify();
    return i64(n);
  }

  write(buf: u64, len: u64): i64 {
    const p = this.pipe;
    let done: u64 = 0;
    let slept = false;
    while (done < len) {
      if (p.readers == 0) {
        signalSend(currentProcess(), SIGPIPE, 0); // as Linux: SIGPIPE, and -EPIPE if it is caught or ignored
        return done > 0 ? i64(done) : -EPIPE;
      }
      const room = PIPE_BYTES - p.held();
      const left = len - done;
      // Atomic when short: wait until the whole write fits.
      if (room == 0 || (len <= PIPE_BUF && room < left)) {
        if (!sleepInterruptible(p.writeWait)) return done > 0 ? i64(done) : -EINTR;
        slept = true;
        continue;
      }
      const n = left < room ? left : room;
      const r = ringCopy(p, p.written, buf + done, n, false, !slept);
      if (r < 0) return done > 0 ? i64(done) : r;
      p.written += n;
      done += n;
      wakeAll(p.readWait);
      pollNotify();
    }
    return i64(done);
  }

  /** Read end: POLLIN with bytes held, POLLHUP once no write end is open. Write end: POLLOUT with room, POLLERR once no read end is open (Linux's pipe_poll). */
  poll(): i32 {
    const p = this.pipe;
    if (this.writing) return (p.held() < PIPE_BYTES ? POLLOUT : 0) | (p.readers == 0 ? POLLERR : 0);
    return (p.held() > 0 ? POLLIN : 0) | (p.writers == 0 ? POLLHUP : 0);
  }

  opened(): void {
    if (this.writing) this.pipe.writers++;
    else this.pipe.readers++;
  }

  /** An fd let go of this end: the last one closes it (and frees it, and the pipe with its last end). */
  released(): void {
    const p = this.pipe;
    if (this.writing) {
      p.writers--;
      if (p.writers > 0) return;
      wakeAll(p.readWait); // readers see end of file
    } else {
      p.readers--;
      if (p.readers > 0) return;
      wakeAll(p.writeWait); // writers see EPIPE
    }
    pollNotify();
    pipeEndFree(this);
  }
}

/** A new pipe's two ends (no fd refers to them yet). */
export function pipeCreate(): PipeEnd[] {
  const p = new Pipe();
  const ends = new Array<PipeEnd>(2);
  ends[0] = new PipeEnd(p, false);
  ends[1] = new PipeEnd(p, true);
  return ends;
}

/** Frees a pipe end nothing refers to, and its pipe when the other end is unused too. */
function pipeEndFree(e: PipeEnd): void {
  const p = e.pipe;
  free(e);
  if (p.readers == 0 && p.writers == 0) {
    free(p.readWait);
    free(p.writeWait);
    free(p);
  }
}
