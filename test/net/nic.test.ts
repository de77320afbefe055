// The guest on QEMU's user-mode network (issue #17): a virtio-net NIC on
// `-netdev user,restrict=on` (test/harness/qemu.ts networkArgs: forwards
// bound to 127.0.0.1 only). The DHCP client configures 10.0.2.15/24 at
// boot, ping reaches the gateway, 127.0.0.1 and our own address, and the
// counters show the frames; the ping program on the host as well.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { bootOnNetwork } from './guest.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';

const REPLY = /^reply from (\S+): seq=(\d+) time=\d+ ms$/;

/** The reply lines' addresses and sequence numbers, and the summary. */
function pingResult(out: string): { replies: string[]; summary: string } {
  const lines = out.trimEnd().split('\n');
  return { replies: lines.filter((l) => REPLY.test(l)).map((l) => l.replace(REPLY, '$1 $2')), summary: lines[lines.length - 1]! };
}

describe('the guest on the user-mode network', () => {
  it('gets its address by DHCP and pings the gateway, 127.0.0.1 and itself', async () => {
    const vm = await bootOnNetwork({}, 'net: address 10.0.2.15 netmask 255.255.255.0 gateway 10.0.2.2 (dhcp)');
    expect(pingResult(await shellRun(vm, 'ping 10.0.2.2', hangLimit(30_000)))).toEqual({
      replies: ['10.0.2.2 1', '10.0.2.2 2', '10.0.2.2 3'], summary: 'ping: 3 sent, 3 received',
    });
    expect(pingResult(await shellRun(vm, 'ping 127.0.0.1 2'))).toEqual({ replies: ['127.0.0.1 1', '127.0.0.1 2'], summary: 'ping: 2 sent, 2 received' });
    expect(pingResult(await shellRun(vm, 'ping 10.0.2.15 1'))).toEqual({ replies: ['10.0.2.15 1'], summary: 'ping: 1 sent, 1 received' });
    expect(await shellRun(vm, 'ping 10.0.2.300')).toBe('usage: ping ADDRESS [COUNT]\nping: exited with status 2\n');
    const ip = (await shellRun(vm, 'ip')).split('\n');
    expect(ip.slice(0, 3)).toEqual(['eth0 10.0.2.15/24 gateway 10.0.2.2', 'lo 127.0.0.1/8', 'counters:']);
    expect(ip).toContainEqual(expect.stringMatching(/^ {2}frames_in [1-9]\d*$/));
    expect(ip.filter((l) => / 0$/.test(l))).toEqual([]); // only counters that are not zero
    const stat = new Map((await shellRun(vm, 'cat /dev/netstat')).trim().split('\n').map((l) => l.split(' ') as [string, string]));
    expect(stat.get('address')).toBe('10.0.2.15');
    expect(stat.get('gateway')).toBe('10.0.2.2');
    expect(Number(stat.get('frames_in'))).toBeGreaterThanOrEqual(5); // DHCP offer and ack, ARP reply, three echo replies
    expect(stat.get('drop_tx_full')).toBe('0');
    expect(stat.get('packets_in_use')).toBe('0');
    expect(stat.get('sockets_open')).toBe('0');
  }, hangLimit(120_000));

  it('ip on the host, which has no /dev/netstat, says so', async () => {
    const r = await run(buildUserProgram('programs/ip.ts'), []);
    expect([r.stdout, r.exitCode]).toEqual(['ip: no /dev/netstat here (errno 2)\n', 1]);
  });

  it('ping on the host: replies from 127.0.0.1 where ping sockets are allowed, EACCES where they are not', async () => {
    const r = await run(buildUserProgram('programs/ping.ts'), ['127.0.0.1', '2']);
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ping_group_range', 'utf8').trim().split(/\s+/).map(Number);
    const gid = process.getgid?.() ?? 0;
    if (gid >= low! && gid <= high!) {
      expect(pingResult(r.stdout)).toEqual({ replies: ['127.0.0.1 1', '127.0.0.1 2'], summary: 'ping: 2 sent, 2 received' });
      expect(r.exitCode).toBe(0);
    } else {
      expect(r.stdout).toBe('ping: socket: errno 13\n');
      expect(r.exitCode).toBe(2);
    }
  });
});
