// The network counters: one per drop reason and a few for traffic, all u64,
// in one table that /dev/netstat (netstat.ts) prints for user space. Every
// place that throws a packet away counts it here under its reason, so a
// test can tell a checksum drop from a missing socket.

export const enum Net {
  // traffic
  FramesIn = 0, FramesOut, IpIn, IpOut, TcpRetransmits, TcpResets, TcpTimeWaitReused,
  // drops, one per reason
  PoolEmpty, EthBad, EthType, ArpBad, ArpUnresolved, IpBad, IpChecksum, IpFragment, IpTtl, IpNotOurs,
  IpProto, IcmpBad, IcmpNoSocket, UdpBad, UdpNoSocket, UdpQueueFull, TcpBad, TcpNoSocket, TcpBacklogFull, TcpOutOfWindow,
  TxFull,
  // a test build's fault injector (kernel/testing/netfaults.ts)
  TestDropped, TestDuplicated, TestReordered,
  Count,
}

const NAMES: string[] = [
  'frames_in', 'frames_out', 'ip_in', 'ip_out', 'tcp_retransmits', 'tcp_resets', 'tcp_time_wait_reused',
  'drop_pool_empty', 'drop_eth_bad', 'drop_eth_type', 'drop_arp_bad', 'drop_arp_unresolved', 'drop_ip_bad',
  'drop_ip_checksum', 'drop_ip_fragment', 'drop_ip_ttl', 'drop_ip_not_ours', 'drop_ip_proto', 'drop_icmp_bad', 'drop_icmp_no_socket',
  'drop_udp_bad', 'drop_udp_no_socket', 'drop_udp_queue_full', 'drop_tcp_bad', 'drop_tcp_no_socket',
  'drop_tcp_backlog_full', 'drop_tcp_out_of_window', 'drop_tx_full', 'test_dropped', 'test_duplicated', 'test_reordered',
];

const counts = new Uint64Array(32);

export function netCount(which: i32): void {
  counts[which]++;
}

export function netCounter(which: i32): u64 {
  return counts[which];
}

export function netCounterName(which: i32): string {
  return NAMES[which];
}
