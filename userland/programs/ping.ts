// ping ADDRESS [COUNT]: ICMP echo requests through a ping socket
// (SOCK_DGRAM with IPPROTO_ICMP, as Linux's unprivileged ping), COUNT of
// them (default 3), each sent once the last was answered or a second
// (SO_RCVTIMEO) has passed. Prints a line per reply ("reply from A: seq=N time=T ms")
// or per timeout, then "ping: S sent, R received", and exits 0 when every
// request was answered. A reply must carry the request's sequence number
// and its 32 bytes of data unchanged.

import {
  AF_INET, CLOCK_MONOTONIC, IPPROTO_ICMP, SO_RCVTIMEO, SOCK_DGRAM, SOL_SOCKET,
} from '../../kernel/syscall/numbers';
import { argAddr, argCount, argLength, argNumber } from '../lib/args';
import { SockaddrIn, recvfrom, sendto, setsockopt, socket } from '../lib/net';
import { printf } from '../lib/print';
import { Timespec, clockGettime, close, exit, isError } from '../lib/sys';

const DATA: usize = 32;
const request: usize = memory.data(40);
const reply: usize = memory.data(1500);
const timeout: usize = memory.data(16);
const to = new SockaddrIn();
const from = new SockaddrIn();
const now = new Timespec();

/** The dotted-quad address in argument `i`, or 0xffffffff when it is not one. */
function parseAddress(i: i32): u32 {
  const p = argAddr(i);
  const n = argLength(i);
  let addr: u32 = 0;
  let part: u32 = 0;
  let digits: i32 = 0;
  let dots: i32 = 0;
  for (let k: usize = 0; k <= n; k++) {
    const c = k < n ? load<u8>(p + k) : u8(46);
    if (c >= 48 && c <= 57 && digits < 3) {
      part = part * 10 + u32(c - 48);
      digits++;
    } else if (c == 46 && digits > 0 && part <= 255) {
      addr = (addr << 8) | part;
      part = 0;
      digits = 0;
      dots++;
    } else return 0xffff_ffff;
  }
  return dots == 4 ? addr : 0xffff_ffff;
}

function millis(): i64 {
  clockGettime(CLOCK_MONOTONIC, now);
  return now.sec * 1000 + now.nsec / 1_000_000;
}

/** Waits for the reply to `seq`: true when it came intact. */
function awaitReply(fd: i64, seq: u16): bool {
  for (;;) {
    const n = recvfrom(fd, reply, 1500, 0, from);
    if (n < 0) return false;
    const got = (u16(load<u8>(reply + 6)) << 8) | u16(load<u8>(reply + 7));
    if (n == i64(8 + DATA) && load<u8>(reply) == 0 && got == seq && memcmp(reply + 8, request + 8, DATA) == 0) return true;
  }
}

const dst = argCount() > 1 ? parseAddress(1) : 0xffff_ffff;
if (dst == 0xffff_ffff) {
  printf('usage: ping ADDRESS [COUNT]\n');
  exit(2);
}
const count = argNumber(2, 3);
const fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
if (isError(fd)) {
  printf(`ping: socket: errno ${-fd}\n`); // Linux: EACCES (13) unless net.ipv4.ping_group_range holds our group
  exit(2);
}
store<i64>(timeout, 1);
store<i64>(timeout + 8, 0);
setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, timeout, 16);
to.set(dst, 0);
let received: i64 = 0;
for (let seq: i64 = 1; seq <= count; seq++) {
  memset(request, 0, 40);
  store<u8>(request, 8); // echo request, code 0; the kernel sets the identifier and the checksum
  store<u8>(request + 6, u8(seq >> 8));
  store<u8>(request + 7, u8(seq));
  for (let i: usize = 0; i < DATA; i++) store<u8>(request + 8 + i, u8(0x41 + (i + usize(seq)) % 26));
  const start = millis();
  const s = sendto(fd, request, 8 + DATA, 0, to);
  if (s < 0) printf(`ping: sendto: errno ${-s}\n`);
  else if (awaitReply(fd, u16(seq))) {
    received++;
    const a = from.addr();
    printf(`reply from ${a >> 24}.${(a >> 16) & 255}.${(a >> 8) & 255}.${a & 255}: seq=${seq} time=${millis() - start} ms\n`);
  } else printf(`no reply: seq=${seq}\n`);
}
close(fd);
printf(`ping: ${count} sent, ${received} received\n`);
exit(received == count ? 0 : 1);
