// yielder N: calls sched_yield N times, then exits 0. Run in the background
// (spawn without waiting), it is the other process of a switch between two
// (kbench's `switch` path, limits' background check).

import { argNumber } from '../lib/args';
import { exit, schedYield } from '../lib/sys';

const times = argNumber(1, 1);
for (let i: i64 = 0; i < times; i++) schedYield();
exit(0);
