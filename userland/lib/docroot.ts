// httpd's document root: a request target becomes a path under the root
// (the query and fragment dropped), a directory means its index.html, and
// a target with a ".." segment, a byte below 0x20 or no leading '/' never
// reaches the file system. Content-Type by the file's extension. A module
// of httpd (userland/programs/httpd.ts).

import { O_RDONLY, SYS_FSTAT } from '../../kernel/syscall/numbers';
import { close, openAt } from './sys';

/** The longest path built: the root, the target and "/index.html". */
const TARGET_PATH_MAX: usize = 2048;
const path: usize = memory.data(2048);
const st: usize = memory.data(144); // a struct stat
let pathLen: usize = 0;

/** What resolving a target found. */
export const enum Found { File, Forbidden, Missing }

/** The open file's fd and size, set by openTarget when it returns Found.File. */
export let fileFd: i64 = -1;
export let fileSize: u64 = 0;

function append(p: usize, n: usize): bool {
  if (pathLen + n + 1 > TARGET_PATH_MAX) return false;
  memcpy(path + pathLen, p, n);
  pathLen += n;
  store<u8>(path + pathLen, 0);
  return true;
}

function appendString(s: string): bool {
  return append(changetype<usize>(s) + 8, usize(s.length));
}

/** Whether the target (the bytes at `t`, `n` long, from its '/') has a ".." segment or a control byte. */
function unsafe(t: usize, n: usize): bool {
  for (let i: usize = 0; i < n; i++) {
    if (load<u8>(t + i) < 32) return true;
    if (load<u8>(t + i) != 47 || i + 2 >= n) continue; // a '/' with two more bytes after it
    const dotDot = load<u8>(t + i + 1) == 46 && load<u8>(t + i + 2) == 46;
    if (dotDot && (i + 3 == n || load<u8>(t + i + 3) == 47)) return true;
  }
  return false;
}

/** The length of the target's path: up to a '?' or '#'. */
function pathPart(t: usize, n: usize): usize {
  for (let i: usize = 0; i < n; i++) {
    const c = load<u8>(t + i);
    if (c == 63 || c == 35) return i;
  }
  return n;
}

/** fstat's mode and size of `fd`: the mode, or -1. */
function modeOf(fd: i64): i64 {
  if (syscall(SYS_FSTAT, fd, st) < 0) return -1;
  fileSize = load<u64>(st + 48);
  return i64(load<u32>(st + 24));
}

/**
 * Opens the file target `t` (`n` bytes, starting with '/') names under
 * the root (`rootLen` bytes at `root`): Found.File with fileFd and fileSize set (the caller closes
 * fileFd), Found.Forbidden for a target that would leave the root, or
 * Found.Missing.
 */
export function openTarget(root: usize, rootLen: usize, t: usize, n: usize): Found {
  const len = pathPart(t, n);
  if (len == 0 || load<u8>(t) != 47 || unsafe(t, len)) return Found.Forbidden;
  pathLen = 0;
  if (!append(root, rootLen) || !append(t, len)) return Found.Missing;
  if (load<u8>(t + len - 1) == 47 && !appendString('index.html')) return Found.Missing;
  let fd = openAt(path, O_RDONLY);
  if (fd < 0) return Found.Missing;
  let mode = modeOf(fd);
  if (mode >= 0 && (mode & 0xf000) == 0x4000) { // a directory: its index.html
    close(fd);
    if (!appendString('/index.html')) return Found.Missing;
    fd = openAt(path, O_RDONLY);
    if (fd < 0) return Found.Missing;
    mode = modeOf(fd);
  }
  if (mode < 0 || (mode & 0xf000) != 0x8000) { // not a regular file
    close(fd);
    return Found.Missing;
  }
  fileFd = fd;
  return Found.File;
}

/** The Content-Type of the path openTarget last built, by its extension. */
export function contentType(): string {
  if (endsWith('.html') || endsWith('.htm')) return 'text/html; charset=utf-8';
  if (endsWith('.txt')) return 'text/plain';
  if (endsWith('.css')) return 'text/css';
  if (endsWith('.js')) return 'text/javascript';
  if (endsWith('.json')) return 'application/json';
  if (endsWith('.png')) return 'image/png';
  return 'application/octet-stream';
}

function endsWith(s: string): bool {
  const k = usize(s.length);
  return pathLen >= k && memcmp(path + pathLen - k, changetype<usize>(s) + 8, k) == 0;
}
