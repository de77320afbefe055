// read, write, open and close: the calls on file descriptors. An fd is an
// index into the current process's fd table (process.ts), whose entries are
// devices (kernel/fs); the device does the copy from or to user memory,
// once the buffer has passed the range rule (usercopy.ts checkUserBuffer).
import { deviceNamed } from '../fs/devices';
import { Device } from '../fs/device';
import { currentProcess } from '../proc/sched';
import { MAX_FDS } from '../proc/process';
import { userRange } from '../mm/aspace';
import { checkUserBuffer, copyStringFromUser } from '../mm/usercopy';
import { fdAccess, fdClose, fdInstall, fdLowestFree } from '../fs/fdtable';
import { EBADF, EFAULT, EINVAL, EMFILE, ENOENT, O_CLOEXEC, O_RDONLY, O_RDWR, O_WRONLY } from './numbers';

const PATH_MAX: u64 = 64;
/** The most bytes one read or write moves (as Linux's MAX_RW_COUNT): results stay positive i64s. */
export const RW_MAX: u64 = 0x7fff_f000;
const path = new Uint8Array(64);

/** The device behind `fd` in the current process, or null for a bad fd. */
export function deviceOf(fd: i64): Device | null {
  if (fd < 0 || fd >= i64(MAX_FDS)) return null;
  return currentProcess().fds[i32(fd)];
}

/** The device behind `fd` if its access mode allows reading (`reading`) or writing; else null (-EBADF, as Linux). */
function deviceFor(fd: i64, reading: bool): Device | null {
  const d = deviceOf(fd);
  if (d === null) return null;
  const access = fdAccess(currentProcess(), i32(fd));
  if (reading ? access == u8(O_WRONLY) : access == u8(O_RDONLY)) return null;
  return d;
}

/**
 * How many bytes a read or write of `len` at `buf` moves (at most RW_MAX),
 * or -EFAULT: the whole of [buf, buf + len) must lie in the user half (as
 * Linux's access_ok) and the bytes moved must be the caller's memory,
 * writable when `into` (the kernel writes them). Checked before the device
 * runs, for every device.
 */
function transferLength(buf: u64, len: u64, into: bool): i64 {
  if (len != 0 && !userRange(buf, len)) return -EFAULT;
  const n = len < RW_MAX ? len : RW_MAX;
  const r = checkUserBuffer(buf, n, into);
  return r < 0 ? r : i64(n);
}

export function sysRead(fd: i64, buf: u64, len: u64): i64 {
  const d = deviceFor(fd, true);
  if (d === null) return -EBADF;
  const n = transferLength(buf, len, true);
  return n < 0 ? n : d.read(buf, u64(n));
}

export function sysWrite(fd: i64, buf: u64, len: u64): i64 {
  const d = deviceFor(fd, false);
  if (d === null) return -EBADF;
  const n = transferLength(buf, len, false);
  return n < 0 ? n : d.write(buf, u64(n));
}

/** open(path, flags): the lowest free fd on the device at `path` (only /dev/… exist), with flags' access mode and O_CLOEXEC. */
export function sysOpen(user: u64, flags: u64): i64 {
  if ((flags & 3) > u64(O_RDWR)) return -EINVAL;
  const n = copyStringFromUser(changetype<usize>(path) + 8, user, PATH_MAX);
  if (n < 0) return n;
  const p = currentProcess();
  const fd = fdLowestFree(p, 0);
  if (fd < 0) return -EMFILE; // before the device: a text file made for this open would have no owner
  const d = deviceNamed(changetype<usize>(path) + 8, usize(n));
  if (d === null) return -ENOENT;
  fdInstall(p, fd, d, u8(flags & 3), (flags & u64(O_CLOEXEC)) != 0);
  return i64(fd);
}

export function sysClose(fd: i64): i64 {
  if (deviceOf(fd) === null) return -EBADF;
  fdClose(currentProcess(), i32(fd));
  return 0;
}
