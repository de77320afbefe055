// Pipes: a PIPE_BYTES ring between a read end and a write end, each a
// Device that fds refer to (fdtable.ts counts the references). A read
// sleeps while the ring is empty and some write end is open, and returns 0
// (end of file) once none is; a write sleeps while the ring has no room and
// some read end is open, and fails with -EPIPE and SIGPIPE once none is
// (having written nothing; else it returns what it wrote). A signal ends
// either sleep: -EINTR, or the bytes written so far. A write of at most PIPE_BUF bytes
// is atomic: it waits until all of it fits. docs/processes.md, "Pipes".
import { copyFromCheckedUser, copyToCheckedUser } from '../mm/usercopy';
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
 * `user` (two pieces across the wrap), without walking the page tables:
 * the system call checked the whole buffer before the pipe ran
 * (kernel/syscall/files.ts), and that check holds until the call returns,
 * sleeps included, since only the process itself changes its own mappings
 * (mmap, munmap, fork's write protection, its faults) and it is waiting
 * here (copyToCheckedUser in kernel/mm/usercopy.ts).
 */
function ringCopy(p: Pipe, at: u64, user: u64, n: u64, toUser: bool): void {
  const start = at & (PIPE_BYTES - 1);
  const first = n < PIPE_BYTES - start ? n : PIPE_BYTES - start;
  const base = changetype<usize>(p.ring) + 8;
  if (toUser) {
    copyToCheckedUser(user, base + usize(start), first);
    if (first < n) copyToCheckedUser(user + first, base, n - first);
  } else {
    copyFromCheckedUser(base + usize(start), user, first);
    if (first < n) copyFromCheckedUser(base, user + first, n - first);
  }
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
    while (p.held() == 0) {
      if (p.writers == 0) return 0;
      if (!sleepInterruptible(p.readWait)) return -EINTR;
    }
    const n = len < p.held() ? len : p.held();
    const at = p.read & (PIPE_BYTES - 1);
    if (n <= PIPE_BYTES - at) copyToCheckedUser(buf, changetype<usize>(p.ring) + 8 + usize(at), n); // one piece: no call
    else ringCopy(p, p.read, buf, n, true);
    p.read += n;
    if (!p.writeWait.isEmpty()) wakeAll(p.writeWait);
    pollNotify();
    return i64(n);
  }

  write(buf: u64, len: u64): i64 {
    const p = this.pipe;
    let done: u64 = 0;
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
        continue;
      }
      const n = left < room ? left : room;
      const at = p.written & (PIPE_BYTES - 1);
      if (n <= PIPE_BYTES - at) copyFromCheckedUser(changetype<usize>(p.ring) + 8 + usize(at), buf + done, n);
      else ringCopy(p, p.written, buf + done, n, false);
      p.written += n;
      done += n;
      if (!p.readWait.isEmpty()) wakeAll(p.readWait);
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
