// The socket calls' wrappers for user programs, and struct sockaddr_in
// helpers. Like sys.ts, each returns what the kernel returns (a value ≥ 0
// or -errno), on tskc and on Linux alike. Addresses and ports are given in
// host byte order; the helpers write them in network order.

import { close, isError, open, read } from './sys';
import {
  AF_INET, O_RDONLY, SOCKADDR_IN_SIZE, SYS_ACCEPT4, SYS_BIND, SYS_CONNECT, SYS_GETPEERNAME, SYS_GETSOCKNAME, SYS_GETSOCKOPT, SYS_LISTEN, SYS_RECVFROM,
  SYS_SENDTO, SYS_SETSOCKOPT, SYS_SHUTDOWN, SYS_SOCKET,
} from '../../kernel/syscall/numbers';

/** 127.0.0.1 in host byte order. */
export const LOCALHOST: u32 = 0x7f00_0001;

/** A struct sockaddr_in in static memory, and its length for the calls that write one. */
export class SockaddrIn {
  readonly bytes = new Uint8Array(16);
  readonly len = new Int32Array(1);

  at(): usize {
    return changetype<usize>(this.bytes) + 8;
  }

  lenAt(): usize {
    return changetype<usize>(this.len) + 8;
  }

  /** Fills it with `addr`:`port` (AF_INET). */
  set(addr: u32, port: u16): SockaddrIn {
    for (let i: i32 = 0; i < 16; i++) this.bytes[i] = 0;
    this.bytes[0] = u8(AF_INET);
    this.bytes[2] = u8(port >> 8);
    this.bytes[3] = u8(port);
    this.bytes[4] = u8(addr >> 24);
    this.bytes[5] = u8(addr >> 16);
    this.bytes[6] = u8(addr >> 8);
    this.bytes[7] = u8(addr);
    this.len[0] = i32(SOCKADDR_IN_SIZE);
    return this;
  }

  port(): u16 {
    return u16((u32(this.bytes[2]) << 8) | u32(this.bytes[3]));
  }

  addr(): u32 {
    return (u32(this.bytes[4]) << 24) | (u32(this.bytes[5]) << 16) | (u32(this.bytes[6]) << 8) | u32(this.bytes[7]);
  }

  family(): i64 {
    return i64(this.bytes[0]) | (i64(this.bytes[1]) << 8);
  }
}

export function socket(domain: i64, type: i64, proto: i64): i64 {
  return syscall(SYS_SOCKET, domain, type, proto);
}

export function bind(fd: i64, a: SockaddrIn): i64 {
  return syscall(SYS_BIND, fd, a.at(), SOCKADDR_IN_SIZE);
}

export function connect(fd: i64, a: SockaddrIn): i64 {
  return syscall(SYS_CONNECT, fd, a.at(), SOCKADDR_IN_SIZE);
}

export function listen(fd: i64, backlog: i64): i64 {
  return syscall(SYS_LISTEN, fd, backlog);
}

/** accept4: the new connection's fd; its peer's address into `a` when `a` is not null. */
export function accept4(fd: i64, a: SockaddrIn | null, flags: i64): i64 {
  if (a === null) return syscall(SYS_ACCEPT4, fd, 0, 0, flags);
  a.len[0] = i32(SOCKADDR_IN_SIZE);
  return syscall(SYS_ACCEPT4, fd, a.at(), a.lenAt(), flags);
}

export function sendto(fd: i64, buf: usize, len: usize, flags: i64, to: SockaddrIn | null): i64 {
  if (to === null) return syscall(SYS_SENDTO, fd, buf, len, flags, 0, 0);
  return syscall(SYS_SENDTO, fd, buf, len, flags, to.at(), SOCKADDR_IN_SIZE);
}

export function recvfrom(fd: i64, buf: usize, len: usize, flags: i64, from: SockaddrIn | null): i64 {
  if (from === null) return syscall(SYS_RECVFROM, fd, buf, len, flags, 0, 0);
  from.len[0] = i32(SOCKADDR_IN_SIZE);
  return syscall(SYS_RECVFROM, fd, buf, len, flags, from.at(), from.lenAt());
}

export function shutdown(fd: i64, how: i64): i64 {
  return syscall(SYS_SHUTDOWN, fd, how);
}

export function getsockname(fd: i64, a: SockaddrIn): i64 {
  a.len[0] = i32(SOCKADDR_IN_SIZE);
  return syscall(SYS_GETSOCKNAME, fd, a.at(), a.lenAt());
}

export function getpeername(fd: i64, a: SockaddrIn): i64 {
  a.len[0] = i32(SOCKADDR_IN_SIZE);
  return syscall(SYS_GETPEERNAME, fd, a.at(), a.lenAt());
}

/** setsockopt with an int value. */
export function setsockoptInt(fd: i64, level: i64, opt: i64, v: i32): i64 {
  const p: usize = memory.data(4);
  store<i32>(p, v);
  return syscall(SYS_SETSOCKOPT, fd, level, opt, p, 4);
}

/** setsockopt with `len` bytes at `val` (a struct timeval for SO_RCVTIMEO). */
export function setsockopt(fd: i64, level: i64, opt: i64, val: usize, len: i64): i64 {
  return syscall(SYS_SETSOCKOPT, fd, level, opt, val, len);
}

/** getsockopt into `val`; `lenAt` holds the room and gets the length. */
export function getsockopt(fd: i64, level: i64, opt: i64, val: usize, lenAt: usize): i64 {
  return syscall(SYS_GETSOCKOPT, fd, level, opt, val, lenAt);
}

/** Reads the kernel's /dev/netstat whole into `buf` (at most `cap` bytes): its length, or -errno (-ENOENT where there is none). */
export function readNetstat(buf: usize, cap: usize): i64 {
  const fd = open('/dev/netstat', O_RDONLY);
  if (isError(fd)) return fd;
  let len: usize = 0;
  for (;;) {
    const r = read(fd, buf + len, cap - len);
    if (r <= 0) break;
    len += usize(r);
  }
  close(fd);
  return i64(len);
}
