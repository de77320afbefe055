// ps: lists the processes, one line each (pid, parent's pid, process group,
// state, name), by copying the kernel's /dev/processes to standard output.
// On Linux there is no /dev/processes: ps says so and exits 1.

import { O_RDONLY } from '../../kernel/syscall/numbers';
import { printf } from '../lib/print';
import { close, exit, open, read, writeAll } from '../lib/sys';

const buf: usize = memory.data(512);
const fd = open('/dev/processes', O_RDONLY);
if (fd < 0) {
  printf(`ps: cannot open /dev/processes (${fd}): not the tskc kernel?\n`);
  exit(1);
}
while (true) {
  const n = read(fd, buf, 512);
  if (n <= 0) break;
  writeAll(1, buf, usize(n));
}
close(fd);
exit(0);
