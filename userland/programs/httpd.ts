// httpd [PORT] [any|local] [ROOT]: a small HTTP/1.1 server. It binds
// 127.0.0.1 (port 8080 by default); with `any` it binds 0.0.0.0, for the
// guest, where QEMU's hostfwd delivers the host's 127.0.0.1 connections to
// 10.0.2.15. GET and HEAD of the files under the document root ROOT
// (/var/www by default: the disk's, compiler/image/volume.ts), a
// directory meaning its index.html, Content-Type by extension; a target
// with a ".." segment is 403 (userland/lib/docroot.ts). Two pages are made
// here: /netstat (the kernel's /dev/netstat, text/plain; 404 where there
// is none) and /big.bin (10 MiB of a known pattern, for download tests).
// Each connection is served by a child of its own (fork), so clients are
// served at once; the parent only accepts (and reaps the children that
// ended). Content-Length always. Keep-alive for HTTP/1.1 unless
// "Connection: close", pipelined requests answered in order; an idle
// connection is closed after 5 s. Errors: 400 for a malformed request,
// 403, 404, 405 (with Allow) for other methods, 414 for a request line
// over 1024 bytes, 431 for headers over 4 KiB.

import {
  AF_INET, WNOHANG, MSG_NOSIGNAL, SO_RCVTIMEO, SO_REUSEADDR, SOCK_STREAM, SOL_SOCKET,
} from '../../kernel/syscall/numbers';
import { argAddr, argCount, argIs, argLength, argNumber } from '../lib/args';
import { Found, contentType, fileFd, fileSize, openTarget } from '../lib/docroot';
import { LOCALHOST, SockaddrIn, accept4, bind, listen, readNetstat, sendto, setsockopt, setsockoptInt, socket } from '../lib/net';
import { printf } from '../lib/print';
import { close, exit, fork, isError, read, wait4 } from '../lib/sys';

const REQ_MAX: usize = 4096;
const LINE_MAX: usize = 1024;
const BIG_BYTES: u64 = 10 * 1024 * 1024;
const req: usize = memory.data(4096);
const out: usize = memory.data(16384);
const timeout: usize = memory.data(16);
const addr = new SockaddrIn();
let have: usize = 0;
let outLen: usize = 0;

const DEFAULT_ROOT = '/var/www';
let root: usize = changetype<usize>(DEFAULT_ROOT) + 8;
let rootLen: usize = usize(DEFAULT_ROOT.length);

function emit(s: string): void {
  const n = usize(s.length);
  if (outLen + n <= 16384) memcpy(out + outLen, changetype<usize>(s) + 8, n);
  outLen += n;
}

function emitNumber(v: u64): void {
  let div: u64 = 1;
  while (v / div >= 10) div *= 10;
  for (; div > 0; div /= 10) {
    store<u8>(out + outLen, u8(48 + (v / div) % 10));
    outLen++;
  }
}

/** Sends all `n` bytes at `p`; false when the connection failed. */
function sendAll(fd: i64, p: usize, n: usize): bool {
  let done: usize = 0;
  while (done < n) {
    const r = sendto(fd, p + done, n - done, MSG_NOSIGNAL, null);
    if (r <= 0) return false;
    done += usize(r);
  }
  return true;
}

/** The response head (status, type, length, connection) into `out`. */
function head(status: string, type: string, length: u64, keep: bool): void {
  outLen = 0;
  emit('HTTP/1.1 ');
  emit(status);
  emit('\r\nServer: tskc-httpd\r\nContent-Type: ');
  emit(type);
  emit('\r\nContent-Length: ');
  emitNumber(length);
  if (status.charCodeAt(0) == 52 && status.charCodeAt(2) == 53) emit('\r\nAllow: GET, HEAD'); // 405
  emit(keep ? '\r\nConnection: keep-alive\r\n\r\n' : '\r\nConnection: close\r\n\r\n');
}

function reply(fd: i64, status: string, type: string, body: string, withBody: bool, keep: bool): bool {
  head(status, type, u64(body.length), keep);
  if (withBody) emit(body);
  return sendAll(fd, out, outLen);
}

function error(fd: i64, status: string): bool {
  reply(fd, status, 'text/plain', status, true, false);
  return false;
}

function is(p: usize, n: usize, s: string): bool {
  return n == usize(s.length) && memcmp(p, changetype<usize>(s) + 8, n) == 0;
}

/** Streams /big.bin: BIG_BYTES of the pattern (byte i is (i * 7 + 3) % 251). */
function sendBig(fd: i64): bool {
  let at: u64 = 0;
  while (at < BIG_BYTES) {
    const n = BIG_BYTES - at < 16384 ? usize(BIG_BYTES - at) : 16384;
    for (let i: usize = 0; i < n; i++) store<u8>(out + i, u8(((at + u64(i)) * 7 + 3) % 251));
    if (!sendAll(fd, out, n)) return false;
    at += u64(n);
  }
  return true;
}

/** A file under the document root: its head and, for GET, its bytes. */
function sendFile(fd: i64, t: usize, tn: usize, withBody: bool, keep: bool): bool {
  const found = openTarget(root, rootLen, t, tn);
  if (found == Found.Forbidden) return reply(fd, '403 Forbidden', 'text/plain', 'forbidden\n', withBody, keep);
  if (found == Found.Missing) return reply(fd, '404 Not Found', 'text/plain', 'not found\n', withBody, keep);
  const f = fileFd;
  head('200 OK', contentType(), fileSize, keep);
  // The head and the file's first bytes leave in one send (two small sends would meet Nagle and delayed ACKs).
  let ok = true;
  let pending = outLen;
  let left = withBody ? fileSize : 0;
  while (ok && left > 0) {
    const room = u64(16384 - pending);
    const r = read(f, out + pending, usize(room < left ? room : left));
    if (r <= 0) { ok = false; break; } // the file shrank: the connection cannot carry on
    ok = sendAll(fd, out, pending + usize(r));
    pending = 0;
    left -= u64(r);
  }
  if (ok && pending > 0) ok = sendAll(fd, out, pending);
  close(f);
  return ok;
}

/** /netstat: the kernel's counters, read whole into `out` after the head's room; false where there are none. */
function netstat(fd: i64, withBody: bool, keep: bool): bool {
  const body: usize = memory.data(8192);
  const got = readNetstat(body, 8192);
  if (isError(got)) return reply(fd, '404 Not Found', 'text/plain', 'not found\n', withBody, keep);
  const n = usize(got);
  head('200 OK', 'text/plain', u64(n), keep);
  return sendAll(fd, out, outLen) && (!withBody || sendAll(fd, body, n));
}

/** Answers the request whose method is at `m` (`mn` bytes) and target at `t` (`tn`); whether the connection goes on. */
function answer(fd: i64, m: usize, mn: usize, t: usize, tn: usize, keep: bool): bool {
  const get = is(m, mn, 'GET');
  if (!get && !is(m, mn, 'HEAD')) return error(fd, '405 Method Not Allowed');
  let ok: bool;
  if (is(t, tn, '/netstat')) ok = netstat(fd, get, keep);
  else if (is(t, tn, '/big.bin')) {
    head('200 OK', 'application/octet-stream', BIG_BYTES, keep);
    ok = sendAll(fd, out, outLen) && (!get || sendBig(fd));
  } else ok = sendFile(fd, t, tn, get, keep);
  return ok && keep;
}

/** The index of "\r\n\r\n" in the request buffer, or -1. */
function headerEnd(): i64 {
  for (let i: usize = 0; i + 3 < have; i++) {
    if (load<u32>(req + i) == 0x0a0d0a0d) return i64(i);
  }
  return -1;
}

/** The index of the first "\r\n", or -1. */
function lineEnd(): i64 {
  for (let i: usize = 0; i + 1 < have; i++) if (load<u16>(req + i) == 0x0a0d) return i64(i);
  return -1;
}

/** Whether the headers (between the request line and `end`) say "Connection: close". */
function wantsClose(from: usize, end: usize): bool {
  const key = 'connection: close';
  const k = usize(key.length);
  for (let i = from; i + k <= end; i++) {
    let same = true;
    for (let j: usize = 0; j < k && same; j++) {
      let c = load<u8>(req + i + j);
      if (c >= 65 && c <= 90) c += 32;
      same = i32(c) == key.charCodeAt(i32(j));
    }
    if (same) return true;
  }
  return false;
}

/** Serves one connection until it closes, errs or idles. */
function serve(fd: i64): void {
  have = 0;
  for (;;) {
    let end = headerEnd();
    while (end < 0) {
      const line = lineEnd();
      if ((line < 0 && have > LINE_MAX) || line > i64(LINE_MAX)) { error(fd, '414 URI Too Long'); return; }
      if (have == REQ_MAX) { error(fd, '431 Request Header Fields Too Large'); return; }
      const r = read(fd, req + have, REQ_MAX - have);
      if (r <= 0) return; // closed, reset or idle
      have += usize(r);
      end = headerEnd();
    }
    const lineLen = usize(lineEnd());
    if (lineLen > LINE_MAX) { error(fd, '414 URI Too Long'); return; }
    // METHOD SP TARGET SP HTTP/1.x
    let sp1: usize = 0;
    while (sp1 < lineLen && load<u8>(req + sp1) != 32) sp1++;
    let sp2 = sp1 + 1;
    while (sp2 < lineLen && load<u8>(req + sp2) != 32) sp2++;
    const version = req + sp2 + 1;
    const vlen = lineLen > sp2 ? lineLen - sp2 - 1 : 0;
    const v11 = is(version, vlen, 'HTTP/1.1');
    if (sp1 == 0 || sp2 >= lineLen || sp2 == sp1 + 1 || load<u8>(req + sp1 + 1) != 47 || (!v11 && !is(version, vlen, 'HTTP/1.0'))) {
      error(fd, '400 Bad Request');
      return;
    }
    const keep = v11 && !wantsClose(lineLen, usize(end));
    if (!answer(fd, req, sp1, req + sp1 + 1, sp2 - sp1 - 1, keep)) return;
    const used = usize(end) + 4; // pipelined bytes after this request move to the front
    memcpy(req, req + used, have - used);
    have -= used;
  }
}

/** Serves connection `c` in a child of its own (or here, when fork fails); the parent goes back to accepting. */
function handOff(listener: i64, c: i64): void {
  while (wait4(-1, 0, WNOHANG) > 0) {} // children that have ended
  const pid = fork();
  if (pid > 0) return;
  if (pid == 0) close(listener);
  setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
  serve(c);
  if (pid == 0) exit(0);
}

const port = u16(argNumber(1, 8080));
if (argCount() > 3) {
  root = argAddr(3);
  rootLen = argLength(3);
}
const listener = socket(AF_INET, SOCK_STREAM, 0);
setsockoptInt(listener, SOL_SOCKET, SO_REUSEADDR, 1);
const r = bind(listener, addr.set(argCount() > 2 && argIs(2, 'any') ? 0 : LOCALHOST, port));
if (isError(r) || isError(listen(listener, 32))) {
  printf(`httpd: cannot listen on port ${port}: errno ${-r}\n`);
  exit(1);
}
printf(`httpd: listening on port ${port}\n`);
store<i64>(timeout, 5);
for (;;) {
  const c = accept4(listener, null, 0);
  if (c < 0) continue;
  handOff(listener, c);
  close(c);
}
