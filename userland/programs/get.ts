// get [-i] http://A.B.C.D[:PORT][/PATH]: a small HTTP/1.1 client. It
// connects to the IPv4 address (no names: there is no resolver), sends one
// GET with "Connection: close" and prints the response's body (with -i,
// the status line and headers first, as received). The body ends at
// Content-Length, or where the server closes; chunked transfer coding is
// decoded. Exit status: 0 for a 2xx answer, 1 for another status (the body
// is still printed), 2 for a bad URL or no connection, 3 for a malformed or
// cut-short response. On tskc and Linux alike.

import { AF_INET, SOCK_STREAM } from '../../kernel/syscall/numbers';
import { argAddr, argCount, argIs, argLength } from '../lib/args';
import { SockaddrIn, connect, socket } from '../lib/net';
import { fprintf } from '../lib/print';
import { exit, read, writeAll } from '../lib/sys';

const HEAD_MAX: usize = 8192;
const buf: usize = memory.data(16384);
const request: usize = memory.data(2304);
let have: usize = 0; // bytes in buf
let used: usize = 0; // bytes of buf already consumed
let fd: i64 = -1;

function fail(code: i32, why: string): never {
  fprintf(2, `get: ${why}\n`);
  exit(code);
}

function failErrno(code: i32, what: string, errno: i64): never {
  fprintf(2, `get: ${what}: errno ${errno}\n`);
  exit(code);
}

function lower(c: u8): u8 {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** Whether the `n` bytes at `p` start with `s`, ignoring ASCII case. */
function startsWithNoCase(p: usize, n: usize, s: string): bool {
  const k = usize(s.length);
  if (n < k) return false;
  for (let i: usize = 0; i < k; i++) if (lower(load<u8>(p + i)) != u8(s.charCodeAt(i32(i)))) return false;
  return true;
}

/** Reads more of the response into buf (moving the unconsumed bytes to the front first); bytes read, 0 at the end. */
function fill(): usize {
  if (used > 0) {
    memcpy(buf, buf + used, have - used);
    have -= used;
    used = 0;
  }
  if (have == 16384) return 0;
  const r = read(fd, buf + have, 16384 - have);
  if (r < 0) failErrno(3, 'read failed', -r);
  have += usize(r);
  return usize(r);
}

// ---- the URL ----
const showHead = argIs(1, '-i');
const urlArg = showHead ? 2 : 1;
if (argCount() != urlArg + 1) fail(2, 'usage: get [-i] http://A.B.C.D[:PORT][/PATH]');
const url = argAddr(urlArg);
const urlLen = argLength(urlArg);
if (!startsWithNoCase(url, urlLen, 'http://')) fail(2, 'the URL must start with http://');
let at: usize = 7;
let addr: u32 = 0;
for (let part: i32 = 0; part < 4; part++) {
  let v: u32 = 0;
  const from = at;
  while (at < urlLen && load<u8>(url + at) >= 48 && load<u8>(url + at) <= 57 && at - from < 3) v = v * 10 + u32(load<u8>(url + at++) - 48);
  if (at == from || v > 255) fail(2, 'the host must be an IPv4 address A.B.C.D');
  addr = (addr << 8) | v;
  if (part < 3) {
    if (at >= urlLen || load<u8>(url + at) != 46) fail(2, 'the host must be an IPv4 address A.B.C.D');
    at++;
  }
}
let port: u32 = 80;
if (at < urlLen && load<u8>(url + at) == 58) {
  at++;
  port = 0;
  const from = at;
  while (at < urlLen && load<u8>(url + at) >= 48 && load<u8>(url + at) <= 57 && port <= 65535) port = port * 10 + u32(load<u8>(url + at++) - 48);
  if (at == from || port == 0 || port > 65535) fail(2, 'bad port');
}
if (at < urlLen && load<u8>(url + at) != 47) fail(2, 'bad URL');
const authorityEnd = at;
const path = url + at;
const pathLen = urlLen - at;
if (pathLen > 2048) fail(2, 'the path is too long');

// ---- the request ----
let reqLen: usize = 0;
function put(p: usize, n: usize): void {
  memcpy(request + reqLen, p, n);
  reqLen += n;
}
function putString(s: string): void {
  put(changetype<usize>(s) + 8, usize(s.length));
}
putString('GET ');
if (pathLen == 0) putString('/');
else put(path, pathLen);
putString(' HTTP/1.1\r\nHost: ');
put(url + 7, authorityEnd - 7);
putString('\r\nUser-Agent: tskc-get\r\nConnection: close\r\n\r\n');

fd = socket(AF_INET, SOCK_STREAM, 0);
if (fd < 0) failErrno(2, 'socket failed', -fd);
const c = connect(fd, new SockaddrIn().set(addr, u16(port)));
if (c < 0) failErrno(2, 'cannot connect', -c);
if (writeAll(fd, request, reqLen) != i64(reqLen)) fail(2, 'cannot send the request');

// ---- the response's head ----
let headEnd: usize = 0;
for (;;) {
  for (let i: usize = 3; i < have && headEnd == 0; i++) if (load<u32>(buf + i - 3) == 0x0a0d0a0d) headEnd = i + 1;
  if (headEnd != 0) break;
  if (have >= HEAD_MAX || fill() == 0) fail(3, 'no complete response head');
}
if (!startsWithNoCase(buf, headEnd, 'http/1.') || headEnd < 12 || load<u8>(buf + 8) != 32) fail(3, 'not an HTTP/1.x response');
let status: i32 = 0;
for (let i: usize = 9; i < 12; i++) {
  const d = load<u8>(buf + i);
  if (d < 48 || d > 57) fail(3, 'bad status code');
  status = status * 10 + i32(d - 48);
}
// Content-Length and Transfer-Encoding: chunked, from the header lines.
let length: i64 = -1;
let chunked = false;
for (let i: usize = 0; i + 2 < headEnd; i++) {
  if (load<u16>(buf + i) != 0x0a0d) continue;
  const line = buf + i + 2;
  const left = headEnd - i - 2;
  if (startsWithNoCase(line, left, 'content-length:')) {
    let j: usize = 15;
    while (j < left && load<u8>(line + j) == 32) j++;
    length = 0;
    while (j < left && load<u8>(line + j) >= 48 && load<u8>(line + j) <= 57 && length < 0x7fff_ffff_ffff) length = length * 10 + i64(load<u8>(line + j++) - 48);
  } else if (startsWithNoCase(line, left, 'transfer-encoding:')) {
    let j: usize = 18;
    while (j < left && load<u8>(line + j) == 32) j++;
    chunked = startsWithNoCase(line + j, left - j, 'chunked');
  }
}
if (showHead) writeAll(1, buf, headEnd);
used = headEnd;

// ---- the body ----
/** Copies `n` bytes of the body to stdout; false when the connection ends first. */
function body(n: i64): bool {
  let left = n;
  while (left != 0) {
    if (used == have && fill() == 0) return n < 0;
    const take = left < 0 || u64(left) > u64(have - used) ? have - used : usize(left);
    writeAll(1, buf + used, take);
    used += take;
    if (left > 0) left -= i64(take);
  }
  return true;
}

/** Where the line at `used` ends (its CRLF), reading more as needed; -1 when the connection ends first. */
function lineEnd(): i64 {
  for (;;) {
    for (let i = used; i + 1 < have; i++) if (load<u16>(buf + i) == 0x0a0d) return i64(i);
    if (fill() == 0) return -1;
  }
}

/** The chunk size line at `used` (hex digits, maybe extensions after them), consumed: the size, or -1. */
function chunkSize(): i64 {
  const end = lineEnd();
  if (end < 0) return -1;
  let v: i64 = 0;
  let digits = 0;
  for (let j = used; j < usize(end); j++) {
    const d = lower(load<u8>(buf + j));
    const x = d >= 48 && d <= 57 ? i32(d) - 48 : d >= 97 && d <= 102 ? i32(d) - 87 : -1;
    if (x < 0) break; // chunk extensions follow
    if (digits++ > 12) return -1;
    v = v * 16 + i64(x);
  }
  used = usize(end) + 2;
  return digits == 0 ? -1 : v;
}

let complete = true;
if (chunked) {
  for (;;) {
    const n = chunkSize();
    if (n < 0) { complete = false; break; }
    if (n == 0) break;
    const end = body(n) ? lineEnd() : -1; // the CRLF after the chunk's data
    if (end != i64(used)) { complete = false; break; }
    used += 2;
  }
} else complete = body(length);
if (!complete) fail(3, 'the response was cut short');
exit(status >= 200 && status < 300 ? 0 : 1);
