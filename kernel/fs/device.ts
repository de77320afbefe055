// The device interface behind file descriptors: every open file is a
// Device, and read and write dispatch dynamically (through the vtable) to
// the device's own code. Buffers are user addresses, checked whole by read
// and write (syscall/files.ts) before a device runs; a device copies with
// kernel/mm/usercopy.ts, so a bad pointer is -EFAULT, never a fault. A copy
// that fails after bytes were moved (it cannot, after the check) returns
// the bytes moved: Linux's rule for partial transfers.
// Adding a device: a subclass here or beside it, and a name in
// devices.ts's deviceNamed. docs/processes.md, "Devices and files".
import { POLLIN, POLLOUT } from '../syscall/numbers';

export abstract class Device {
  /** Its path under /dev. */
  abstract path(): string;
  /** Reads up to `len` bytes into user memory at `buf` (a range the system call checked writable: kernel/syscall/files.ts transferLength): bytes read (0 at end of file), or -errno. */
  abstract read(buf: u64, len: u64): i64;
  /** Writes `len` bytes from user memory at `buf` (a range the system call checked readable): bytes written, or -errno. */
  abstract write(buf: u64, len: u64): i64;
  /**
   * Its readiness for poll (kernel/syscall/poll.ts): POLLIN, POLLOUT,
   * POLLERR and POLLHUP as they hold now. A file or a device that never
   * waits is always ready both ways. A device whose readiness can change
   * calls pollNotify (kernel/proc/pollwait.ts) when it does.
   */
  poll(): i32 { return POLLIN | POLLOUT; }
  /** One more fd refers to it (kernel/fs/fdtable.ts counts them for devices that care: pipes). */
  opened(): void {}
  /** An fd that referred to it was closed. */
  released(): void {}
}
