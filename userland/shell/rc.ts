// /etc/rc: the commands the shell runs at start-up, one per line, before
// its first prompt ('#' starts a comment line; blank lines are skipped;
// at most RC_MAX bytes are read). Only the shell that is the system's first
// process (pid 1, on tskc) runs it: a shell started later, or the shell
// built with --target linux on a host, leaves it alone. A missing /etc/rc
// is no error. The disk of `npm start` has one that starts httpd
// (compiler/image/volume.ts); the test kernels' disks have none, so a test
// sees the shell as it was (docs/processes.md, "The shell").

import { O_RDONLY } from '../../kernel/syscall/numbers';
import { close, getpid, open, read } from '../lib/sys';
import { runCommand } from './commands';

const RC_MAX: usize = 4096;
const text: usize = memory.data(4096);

/** Runs the lines of /etc/rc when this shell is process 1 and the file is there. */
export function runRc(): void {
  if (getpid() != 1) return;
  const fd = open('/etc/rc', O_RDONLY);
  if (fd < 0) return;
  let have: usize = 0;
  while (have < RC_MAX) {
    const r = read(fd, text + have, RC_MAX - have);
    if (r <= 0) break;
    have += usize(r);
  }
  close(fd);
  let start: usize = 0;
  while (start < have) {
    let end = start;
    while (end < have && load<u8>(text + end) != 10) end++;
    if (end > start && load<u8>(text + start) != 35) runCommand(text + start, end - start); // '#': a comment
    start = end + 1;
  }
}
