// The TCP loss test's fault injector (test builds only): `netfaults SEED
// PERMILLE` makes each received TCP segment, with probability PERMILLE in
// 1000 from a generator seeded with SEED, dropped, duplicated (processed
// twice) or held back to the end of the loopback queue (delivered after
// the segments queued behind it: reordered), one of the three in turn.
// Counted as test_dropped, test_duplicated and test_reordered.
import { getBe16 } from '../net/bytes';
import { Net, netCount } from '../net/counters';
import { loopbackSend } from '../net/loopback';
import { ETH_HLEN, pktData, pktFree } from '../net/pktbuf';
import { setTcpInputFilter } from '../net/tcp';

let state: u64 = 1;
let permille: u64 = 0;
let turn: i32 = 0;

/** xorshift64: the next pseudo-random number. */
function next(): u64 {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

function filter(p: i32): i32 {
  if (next() % 1000 >= permille) return 1;
  turn = (turn + 1) % 3;
  if (turn == 0) {
    netCount(Net.TestDropped);
    pktFree(p);
    return 0;
  }
  if (turn == 1) {
    netCount(Net.TestDuplicated);
    return 2;
  }
  netCount(Net.TestReordered);
  loopbackSend(p, i32(getBe16(pktData(p) + usize(ETH_HLEN) + 2)));
  return 0;
}

/** Turns the injector on with `seed` (0 is taken as 1) and a rate of `rate` in 1000. */
export function netFaultsStart(seed: u64, rate: u64): void {
  state = seed == 0 ? 1 : seed;
  permille = rate;
  setTcpInputFilter(filter);
}
