// The calls that make and copy descriptors: pipe and pipe2, dup, dup2,
// dup3 and fcntl, over the fd table of kernel/fs/fdtable.ts. Linux's
// numbers, flags and errors; fds are 0 … MAX_FDS - 1.
import { fdAccess, fdClose, fdCloexec, fdDuplicate, fdInstall, fdLowestFree, fdSetCloexec } from '../fs/fdtable';
import { pipeCreate } from '../fs/pipe';
import { copyToUser } from '../mm/usercopy';
import { MAX_FDS } from '../proc/process';
import { currentProcess } from '../proc/sched';
import { deviceOf } from './files';
import {
  EBADF, EINVAL, EMFILE, F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_SETFD, F_SETFL, FD_CLOEXEC, O_CLOEXEC, O_RDONLY, O_WRONLY,
} from './numbers';

const pair = new Int32Array(2);

/** pipe2(fds, flags): a new pipe, its read end at fds[0] and its write end at fds[1]; flags: O_CLOEXEC only. */
export function sysPipe2(fds: u64, flags: u64): i64 {
  if ((flags & ~u64(O_CLOEXEC)) != 0) return -EINVAL;
  const p = currentProcess();
  const r = fdLowestFree(p, 0);
  const w = r < 0 ? -1 : fdLowestFree(p, r + 1);
  if (w < 0) return -EMFILE;
  pair[0] = r;
  pair[1] = w;
  const copied = copyToUser(fds, changetype<usize>(pair) + 8, 8); // before the pipe exists: a bad pointer leaves nothing to undo
  if (copied < 0) return copied;
  const ends = pipeCreate();
  const cloexec = (flags & u64(O_CLOEXEC)) != 0;
  fdInstall(p, r, ends[0], u8(O_RDONLY), cloexec);
  fdInstall(p, w, ends[1], u8(O_WRONLY), cloexec);
  free(ends);
  return 0;
}

/** dup(fd): the lowest free fd, referring to what `fd` does (close-on-exec off). */
export function sysDup(fd: i64): i64 {
  if (deviceOf(fd) === null) return -EBADF;
  const p = currentProcess();
  const to = fdLowestFree(p, 0);
  if (to < 0) return -EMFILE;
  fdDuplicate(p, i32(fd), to, false);
  return i64(to);
}

/** dup3(from, to, flags): `to` refers to what `from` does, closed first if open; -EINVAL when they are equal. */
export function sysDup3(from: i64, to: i64, flags: u64): i64 {
  if ((flags & ~u64(O_CLOEXEC)) != 0 || from == to) return -EINVAL;
  if (deviceOf(from) === null || to < 0 || to >= i64(MAX_FDS)) return -EBADF;
  const p = currentProcess();
  fdClose(p, i32(to));
  fdDuplicate(p, i32(from), i32(to), (flags & u64(O_CLOEXEC)) != 0);
  return to;
}

/** dup2(from, to): dup3 without flags, but `to` == `from` answers `to` when it is open. */
export function sysDup2(from: i64, to: i64): i64 {
  if (from == to) return deviceOf(from) === null ? -EBADF : to;
  return sysDup3(from, to, 0);
}

/**
 * fcntl(fd, cmd, arg): F_DUPFD and F_DUPFD_CLOEXEC (the lowest free fd at or
 * above arg), F_GETFD and F_SETFD (FD_CLOEXEC), F_GETFL (the access mode),
 * F_SETFL (no status flag can be set: 0 when arg asks for none, -EINVAL).
 */
export function sysFcntl(fd: i64, cmd: u64, arg: u64): i64 {
  if (deviceOf(fd) === null) return -EBADF;
  const p = currentProcess();
  const f = i32(fd);
  if (cmd == u64(F_DUPFD) || cmd == u64(F_DUPFD_CLOEXEC)) {
    if (arg >= u64(MAX_FDS)) return -EINVAL;
    const to = fdLowestFree(p, i32(arg));
    if (to < 0) return -EMFILE;
    fdDuplicate(p, f, to, cmd == u64(F_DUPFD_CLOEXEC));
    return i64(to);
  }
  if (cmd == u64(F_GETFD)) return fdCloexec(p, f) ? FD_CLOEXEC : 0;
  if (cmd == u64(F_SETFD)) {
    fdSetCloexec(p, f, (arg & u64(FD_CLOEXEC)) != 0);
    return 0;
  }
  if (cmd == u64(F_GETFL)) return i64(fdAccess(p, f));
  if (cmd == u64(F_SETFL)) return (arg & ~u64(3 | O_CLOEXEC)) == 0 ? 0 : -EINVAL; // the access mode and O_CLOEXEC are ignored, as on Linux
  return -EINVAL;
}
