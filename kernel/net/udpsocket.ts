// The datagram socket (SOCK_DGRAM over UDP): bind to a port (ephemeral on
// first send if none), connect to fix the peer (then send needs no address
// and only the peer's datagrams arrive), send one datagram per call (at
// most UDP_MAX_PAYLOAD bytes, else EMSGSIZE), receive one per call (the
// rest of a longer datagram is discarded, as Linux does). With protocol
// IPPROTO_ICMP it is a ping socket, as Linux's: each send is an ICMP echo
// request (type 8, code 0; the kernel sets the identifier to the socket's
// port and fills the checksum), each receive an echo reply carrying it.
import { copyFromUser, copyToUser } from '../mm/usercopy';
import {
  POLLIN, POLLOUT, EADDRINUSE, EADDRNOTAVAIL, EDESTADDRREQ, EINVAL, EMSGSIZE, ENETUNREACH, ENOBUFS, ENOTCONN, MSG_DONTWAIT, MSG_PEEK, SHUT_RDWR, SOCK_DGRAM,
} from '../syscall/numbers';
import { getBe16, getBe32 } from './bytes';
import { Endpoint } from './endpoint';
import { ICMP_ECHO_REQUEST, icmpSendEcho } from './icmp';
import { isLocalAddr, netNow } from './iface';
import { IP_NO_ROUTE } from './ipv4';
import { ETH_HLEN, pktData, pktFree } from './pktbuf';
import { SockAddr, Socket } from './socket';
import { UDP_HLEN, UDP_MAX_PAYLOAD, UdpPcb, udpAutobind, udpClose, udpHeaderOf, udpPortTaken, udpSend } from './udp';

const bounce = new Uint8Array(1480); // UDP_MAX_PAYLOAD + 8: a datagram or an echo request on its way out
/** sendEcho's answer for a message that is no echo request. */
const ECHO_INVALID: i32 = -100;

export class UdpSocket extends Socket {
  constructor(readonly pcb: UdpPcb) {
    super();
    pcb.owner = changetype<usize>(this);
  }

  type(): i64 { return SOCK_DGRAM; }

  bind(a: SockAddr): i64 {
    const u = this.pcb;
    if (u.localPort != 0) return -EINVAL;
    if (a.addr != 0 && !isLocalAddr(a.addr)) return -EADDRNOTAVAIL;
    if (a.port != 0 && udpPortTaken(a.port)) return -EADDRINUSE;
    u.localAddr = a.addr;
    if (a.port != 0) u.localPort = a.port;
    else if (!udpAutobind(u)) return -EADDRINUSE;
    return 0;
  }

  connect(a: SockAddr): i64 {
    const u = this.pcb;
    if (!udpAutobind(u)) return -EADDRINUSE;
    u.remoteAddr = a.addr;
    u.remotePort = a.port;
    return 0;
  }

  sendTo(buf: u64, len: u64, flags: u64, to: SockAddr | null): i64 {
    const u = this.pcb;
    const dst = to !== null ? to.addr : u.remoteAddr;
    const port = to !== null ? to.port : u.remotePort;
    if (port == 0 && !u.icmp) return to === null ? -EDESTADDRREQ : -EINVAL;
    if (u.icmp && to === null && u.remoteAddr == 0) return -EDESTADDRREQ;
    if (len > u64(UDP_MAX_PAYLOAD + (u.icmp ? UDP_HLEN : 0))) return -EMSGSIZE;
    const copied = copyFromUser(changetype<usize>(bounce) + 8, buf, len);
    if (copied < 0) return copied;
    if (!udpAutobind(u)) return -EADDRINUSE;
    const r = u.icmp ? this.sendEcho(dst, len) : udpSend(u, dst, port, changetype<usize>(bounce) + 8, i32(len));
    if (r == IP_NO_ROUTE) return -ENETUNREACH;
    if (r == ECHO_INVALID) return -EINVAL;
    return r < 0 ? -ENOBUFS : i64(len);
  }

  /** The echo request in the bounce buffer (`len` bytes) to `dst`: EINVAL unless it is one. */
  sendEcho(dst: u32, len: u64): i32 {
    const at = changetype<usize>(bounce) + 8;
    if (len < 8 || load<u8>(at) != ICMP_ECHO_REQUEST || load<u8>(at + 1) != 0) return ECHO_INVALID;
    return icmpSendEcho(dst, this.pcb.localPort, at, i32(len));
  }

  recvFrom(buf: u64, len: u64, flags: u64, from: SockAddr): i64 {
    const u = this.pcb;
    const since = netNow;
    while (u.rxq.count == 0) {
      const r = this.waitFor((flags & u64(MSG_DONTWAIT)) != 0, true, since);
      if (r < 0) return r;
    }
    const p = u.rxq.head;
    const h = udpHeaderOf(p);
    const ip = pktData(p) + usize(ETH_HLEN);
    // A datagram's payload follows its UDP header; a ping reply is the whole ICMP message.
    const n = u.icmp ? u64(getBe16(ip + 2)) - u64(h - ip) : u64(getBe16(h + 4)) - u64(UDP_HLEN);
    from.addr = getBe32(ip + 12);
    from.port = u.icmp ? 0 : getBe16(h);
    const take = len < n ? len : n;
    const copied = copyToUser(buf, u.icmp ? h : h + usize(UDP_HLEN), take);
    if (copied < 0) return copied;
    if ((flags & u64(MSG_PEEK)) == 0) pktFree(u.rxq.pop());
    return i64(take);
  }

  /** POLLIN with a datagram queued; a datagram can always be sent. */
  poll(): i32 { return (this.pcb.rxq.count > 0 ? POLLIN : 0) | POLLOUT; }

  endpoint(): Endpoint { return this.pcb; }

  peerName(out: SockAddr): i64 {
    return this.peerOf(this.pcb.remotePort != 0, out);
  }

  shutdown(how: i64): i64 {
    if (how < 0 || how > SHUT_RDWR) return -EINVAL;
    return this.pcb.remotePort == 0 ? -ENOTCONN : 0;
  }

  finish(): void {
    udpClose(this.pcb);
    free(this.wait);
    free(this);
  }
}
