// sockets: UDP over 127.0.0.1 inside one process, on tskc and on Linux
// alike. Prints "sockets: NAME ok" per group, "sockets: done, F failed",
// and exits with F:
//   udp      a server bound to 127.0.0.1 (port 0: an ephemeral one, read
//            back with getsockname) receives a client's datagram with the
//            client's address and port, echoes it to that address, and
//            the client gets it back; a connected client then uses write
//            and read, and getpeername names the server
//   options  SO_REUSEADDR and SO_RCVTIMEO set and read back, SO_TYPE;
//            an empty socket's recvfrom times out (EAGAIN) after
//            SO_RCVTIMEO and at once with MSG_DONTWAIT
//   errors   EAFNOSUPPORT, ESOCKTNOSUPPORT, EINVAL, EPROTONOSUPPORT for
//            bad socket arguments; EBADF and ENOTSOCK for bad fds;
//            EADDRINUSE for a port taken; ENOTCONN from getpeername;
//            EFAULT for bad pointers; EDESTADDRREQ for a send with no
//            address; ENOPROTOOPT for an unknown option

import {
  AF_INET, EADDRINUSE, EAFNOSUPPORT, EAGAIN, EBADF, EDESTADDRREQ, EFAULT, EINVAL, ENOPROTOOPT, ENOTCONN, ENOTSOCK, EPROTONOSUPPORT,
  ESOCKTNOSUPPORT, IPPROTO_TCP, MSG_DONTWAIT, SO_RCVTIMEO, SO_REUSEADDR, SO_TYPE, SOCK_DGRAM, SOL_SOCKET,
} from '../../kernel/syscall/numbers';
import { check, checksFor, groupsFailed, verdict } from '../lib/checks';
import {
  LOCALHOST, SockaddrIn, bind, connect, getpeername, getsockname, getsockopt, recvfrom, sendto, setsockopt, setsockoptInt, socket,
} from '../lib/net';
import { printf } from '../lib/print';
import { close, exit, pipe2, read, write } from '../lib/sys';

const buf: usize = memory.data(2048);
const opt: usize = memory.data(16);
const optLen: usize = memory.data(4);
const serverAddr = new SockaddrIn();
const clientAddr = new SockaddrIn();
const from = new SockaddrIn();
checksFor('sockets');

function text(s: string): usize {
  return changetype<usize>(s) + 8;
}

function checkUdp(): void {
  const server = socket(AF_INET, SOCK_DGRAM, 0);
  const client = socket(AF_INET, SOCK_DGRAM, 0);
  check('server socket', server >= 0 ? 1 : server, 1);
  check('client socket', client >= 0 ? 1 : client, 1);
  check('bind', bind(server, serverAddr.set(LOCALHOST, 0)), 0);
  check('getsockname', getsockname(server, serverAddr), 0);
  check('bound address', i64(serverAddr.addr()), i64(LOCALHOST));
  check('ephemeral port', serverAddr.port() != 0 ? 1 : 0, 1);
  check('sendto', sendto(client, text('ping 1'), 6, 0, serverAddr), 6);
  check('recvfrom', recvfrom(server, buf, 2048, 0, from), 6);
  check('payload', i64(memcmp(buf, text('ping 1'), 6)), 0);
  check('getsockname client', getsockname(client, clientAddr), 0);
  check('sender port', i64(from.port()), i64(clientAddr.port()));
  check('sender address', i64(from.addr()), i64(LOCALHOST));
  check('family', from.family(), AF_INET);
  check('echo', sendto(server, buf, 6, 0, from), 6);
  store<u64>(buf, 0);
  check('echo back', recvfrom(client, buf, 2048, 0, null), 6);
  check('echo payload', i64(memcmp(buf, text('ping 1'), 6)), 0);
  // Connected: write and read, and the peer's name.
  check('connect', connect(client, serverAddr), 0);
  check('getpeername', getpeername(client, from), 0);
  check('peer port', i64(from.port()), i64(serverAddr.port()));
  check('write', write(client, text('second datagram'), 15), 15);
  check('short read', recvfrom(server, buf, 6, 0, from), 6); // the rest of the datagram is discarded
  check('big datagram', write(client, buf, 1400), 1400);
  check('read big', read(server, buf, 2048), 1400);
  check('echo to connected', sendto(server, text('pong'), 4, 0, from), 4);
  check('read pong', read(client, buf, 2048), 4);
  close(client);
  close(server);
  verdict('udp');
}

function checkOptions(): void {
  const s = socket(AF_INET, SOCK_DGRAM, 0);
  check('SO_REUSEADDR set', setsockoptInt(s, SOL_SOCKET, SO_REUSEADDR, 1), 0);
  store<i32>(optLen, 4);
  check('SO_REUSEADDR get', getsockopt(s, SOL_SOCKET, SO_REUSEADDR, opt, optLen), 0);
  check('SO_REUSEADDR value', i64(load<i32>(opt)), 1);
  store<i32>(optLen, 4);
  check('SO_TYPE', getsockopt(s, SOL_SOCKET, SO_TYPE, opt, optLen), 0);
  check('SO_TYPE value', i64(load<i32>(opt)), SOCK_DGRAM);
  store<i64>(opt, 0);
  store<i64>(opt + 8, 50_000); // 50 ms
  check('SO_RCVTIMEO set', setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, opt, 16), 0);
  store<i64>(opt + 8, 0);
  store<i32>(optLen, 16);
  check('SO_RCVTIMEO get', getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, opt, optLen), 0);
  check('SO_RCVTIMEO value', load<i64>(opt + 8) >= 50_000 && load<i64>(opt + 8) < 60_000 ? 1 : 0, 1); // Linux rounds to its ticks
  check('bind', bind(s, serverAddr.set(LOCALHOST, 0)), 0);
  check('timed out', recvfrom(s, buf, 16, 0, null), -EAGAIN);
  check('MSG_DONTWAIT', recvfrom(s, buf, 16, MSG_DONTWAIT, null), -EAGAIN);
  close(s);
  verdict('options');
}

function checkErrors(): void {
  check('domain 255', socket(255, SOCK_DGRAM, 0), -EAFNOSUPPORT);
  check('type 7', socket(AF_INET, 7, 0), -ESOCKTNOSUPPORT);
  check('type 99', socket(AF_INET, 99, 0), -EINVAL);
  check('UDP socket, TCP protocol', socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), -EPROTONOSUPPORT);
  check('bind bad fd', bind(1000, serverAddr.set(LOCALHOST, 0)), -EBADF);
  const fds: usize = memory.data(8);
  pipe2(fds, 0);
  check('bind a pipe', bind(i64(load<i32>(fds)), serverAddr), -ENOTSOCK);
  close(i64(load<i32>(fds)));
  close(i64(load<i32>(fds + 4)));
  const a = socket(AF_INET, SOCK_DGRAM, 0);
  const b = socket(AF_INET, SOCK_DGRAM, 0);
  bind(a, serverAddr.set(LOCALHOST, 0));
  getsockname(a, serverAddr);
  check('port in use', bind(b, serverAddr), -EADDRINUSE);
  check('not connected', getpeername(b, from), -ENOTCONN);
  check('no address', sendto(b, buf, 1, 0, null), -EDESTADDRREQ);
  check('bad buffer', sendto(b, 0x10, 1, 0, serverAddr), -EFAULT);
  check('bad address', syscall(49, b, 0x10, 16), -EFAULT);
  check('short address', syscall(49, b, serverAddr.at(), 8), -EINVAL);
  check('unknown option', setsockoptInt(b, SOL_SOCKET, 9999, 1), -ENOPROTOOPT);
  close(a);
  close(b);
  verdict('errors');
}

checkUdp();
checkOptions();
checkErrors();
printf(`sockets: done, ${groupsFailed()} failed\n`);
exit(groupsFailed());
