// nproc: prints the number of CPUs this process may run on, as coreutils'
// nproc does: sched_getaffinity(0, …) and a count of the mask's bits. On
// the tskc kernel that is every CPU that came online; the same program
// built with --target linux asks Linux.
import { printf } from '../lib/print';
import { exit, schedGetaffinity } from '../lib/sys';

/** Room for 1024 CPUs (Linux wants the buffer to hold its whole cpumask). */
const MASK_BYTES: usize = 128;
const mask: usize = memory.data(128);

const n = schedGetaffinity(0, u64(MASK_BYTES), mask);
if (n < 0) {
  printf(`nproc: sched_getaffinity failed (${n})\n`);
  exit(1);
}
let cpus: u64 = 0;
for (let i: usize = 0; i < usize(n); i += 8) {
  let w = load<u64>(mask + i);
  while (w != 0) {
    cpus += w & 1;
    w >>= 1;
  }
}
printf(`${cpus}\n`);
exit(0);
