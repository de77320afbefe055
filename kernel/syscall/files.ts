// read, write and close: the calls on file descriptors (open is in fs.ts,
// with openat). An fd is an index into the current process's fd table (process.ts), whose entries are
// devices (kernel/fs); the device does the copy from or to user memory,
// once the buffer has passed the range rule (usercopy.ts checkUserBuffer).
import { Device } from '../fs/device';
import { currentProcess } from '../proc/sched';
import { MAX_FDS } from '../proc/process';
import { userRange } from '../mm/aspace';
import { checkUserBuffer, userSpanMapped } from '../mm/usercopy';
import { ACCESS_MASK, fdClose } from '../fs/fdtable';
import { EBADF, EFAULT } from './numbers';

/** The most bytes one read or write moves (as Linux's MAX_RW_COUNT): results stay positive i64s. */
export const RW_MAX: u64 = 0x7fff_f000;

/** The device behind `fd` in the current process, or null for a bad fd. */
export function deviceOf(fd: i64): Device | null {
  if (fd < 0 || fd >= i64(MAX_FDS)) return null;
  return currentProcess().fds[i32(fd)];
}

/** The device behind `fd` if its access mode allows reading (`reading`) or writing; else null (-EBADF, as Linux). */
export function deviceFor(fd: i64, reading: bool): Device | null {
  if (u64(fd) >= u64(MAX_FDS)) return null; // negative ones too
  const p = currentProcess();
  const d = unchecked(p.fds[i32(fd)]); // every table has MAX_FDS slots
  // The mode that forbids the transfer: O_WRONLY (1) for a read, O_RDONLY (0) for a write.
  if (d === null || (unchecked(p.fdModes[i32(fd)]) & ACCESS_MASK) == u8(reading)) return null;
  return d;
}

/**
 * How many bytes a read or write of `len` at `buf` moves (at most RW_MAX),
 * or -EFAULT: the whole of [buf, buf + len) must lie in the user half (as
 * Linux's access_ok) and the bytes moved must be the caller's memory,
 * writable when `into` (the kernel writes them). Checked before the device
 * runs, for every device.
 */
export function transferLength(buf: u64, len: u64, into: bool): i64 {
  if (len != 0 && !userRange(buf, len)) return -EFAULT;
  const n = len < RW_MAX ? len : RW_MAX;
  const r = checkUserBuffer(buf, n, into);
  return r < 0 ? r : i64(n);
}

export function sysRead(fd: i64, buf: u64, len: u64): i64 {
  const d = deviceFor(fd, true);
  if (d === null) return -EBADF;
  if (len <= RW_MAX && userSpanMapped(buf, len, true)) return d.read(buf, len); // mapped already: transferLength's answer, without its demand paging
  const n = transferLength(buf, len, true);
  return n < 0 ? n : d.read(buf, u64(n));
}

export function sysWrite(fd: i64, buf: u64, len: u64): i64 {
  const d = deviceFor(fd, false);
  if (d === null) return -EBADF;
  if (len <= RW_MAX && userSpanMapped(buf, len, false)) return d.write(buf, len);
  const n = transferLength(buf, len, false);
  return n < 0 ? n : d.write(buf, u64(n));
}

export function sysClose(fd: i64): i64 {
  if (deviceOf(fd) === null) return -EBADF;
  fdClose(currentProcess(), i32(fd));
  return 0;
}
