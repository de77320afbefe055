// The fd table's operations: every fd a process gets or gives up goes
// through here, so each device hears of every fd that refers to it (a pipe
// end closes with its last fd). Besides its device, an fd slot keeps its
// access mode (O_RDONLY, O_WRONLY or O_RDWR, checked by read and write) and
// its close-on-exec flag (FD_CLOEXEC: execve closes it, and a child that
// spawn starts does not inherit it); fork copies the table whole. A mask of
// the open fds (Process.fdOpen) lets fork and exit visit only those.
// docs/processes.md, "Descriptors".
import { Process, MAX_FDS } from '../proc/process';
import { O_RDWR } from '../syscall/numbers';
import { Device } from './device';
import { lowestBit } from 'tskc:bits';

/** An fd slot's mode byte: the access mode in the low two bits, close-on-exec in the top one. */
export const ACCESS_MASK: u8 = 3;
const CLOEXEC_BIT: u8 = 0x80;

/** Puts `d` in fd `fd` of `p` (a free one) with access mode `access` and close-on-exec `cloexec`. */
export function fdInstall(p: Process, fd: i32, d: Device, access: u8, cloexec: bool): void {
  d.opened();
  p.fds[fd] = d;
  p.fdOpen |= u16(1) << u16(fd);
  p.fdModes[fd] = (access & ACCESS_MASK) | (cloexec ? CLOEXEC_BIT : 0);
}

/** Closes fd `fd` of `p` if it is open. */
export function fdClose(p: Process, fd: i32): void {
  const d = p.fds[fd];
  if (d === null) return;
  p.fds[fd] = null;
  p.fdOpen &= ~(u16(1) << u16(fd));
  p.fdModes[fd] = 0;
  d.released();
}

/** Closes every fd of `p` (it is exiting). */
export function fdCloseAll(p: Process): void {
  const fds = p.fds;
  for (let open = u64(p.fdOpen); open != 0; open &= open - 1) { // only the open ones (a loop over all 16 cost about 130)
    const fd = lowestBit(open);
    const d = fds[fd]!;
    fds[fd] = null;
    p.fdModes[fd] = 0;
    d.released();
  }
  p.fdOpen = 0;
}

/** The lowest free fd of `p` at or above `from`, or -1. */
export function fdLowestFree(p: Process, from: i32): i32 {
  for (let fd = from; fd < MAX_FDS; fd++) if (p.fds[fd] === null) return fd;
  return -1;
}

/** Fd `fd`'s access mode (O_RDONLY, O_WRONLY, O_RDWR). */
export function fdAccess(p: Process, fd: i32): u8 {
  return p.fdModes[fd] & ACCESS_MASK;
}

export function fdCloexec(p: Process, fd: i32): bool {
  return (p.fdModes[fd] & CLOEXEC_BIT) != 0;
}

export function fdSetCloexec(p: Process, fd: i32, on: bool): void {
  p.fdModes[fd] = on ? p.fdModes[fd] | CLOEXEC_BIT : p.fdModes[fd] & ~CLOEXEC_BIT;
}

/** Makes fd `to` of `p` refer to what fd `from` does, close-on-exec off (`to` must be free). */
export function fdDuplicate(p: Process, from: i32, to: i32, cloexec: bool): void {
  fdInstall(p, to, p.fds[from]!, fdAccess(p, from), cloexec);
}

/**
 * A new process's fds: the parent's, but those marked close-on-exec, as
 * after fork and exec; the first process (whose parent is the idle context,
 * with no fds) gets `console` as 0, 1 and 2.
 */
export function fdInherit(child: Process, parent: Process, console: Device): void {
  let any = false;
  for (let fd: i32 = 0; fd < MAX_FDS; fd++) {
    const d = parent.fds[fd];
    if (d === null) continue;
    any = true;
    if (!fdCloexec(parent, fd)) fdInstall(child, fd, d, fdAccess(parent, fd), false);
  }
  if (!any) for (let fd: i32 = 0; fd < 3; fd++) fdInstall(child, fd, console, u8(O_RDWR), false);
}

/** fork's copy of the fd table: the child's fds are the parent's, close-on-exec flags and all. */
export function fdCopyAll(child: Process, parent: Process): void {
  const from = parent.fds;
  const to = child.fds;
  for (let open = u64(parent.fdOpen); open != 0; open &= open - 1) { // only the open ones
    const fd = lowestBit(open);
    const d = unchecked(from[fd])!; // fd < MAX_FDS: a bit of a u16
    d.opened();
    to[fd] = d;
  }
  child.fdOpen = parent.fdOpen;
  memcpy(changetype<usize>(child.fdModes) + 8, changetype<usize>(parent.fdModes) + 8, usize(MAX_FDS)); // modes and close-on-exec flags, as they are
}

/** execve's part: closes every fd of `p` marked close-on-exec. */
export function fdCloseOnExec(p: Process): void {
  for (let fd: i32 = 0; fd < MAX_FDS; fd++) if (fdCloexec(p, fd)) fdClose(p, fd);
}
