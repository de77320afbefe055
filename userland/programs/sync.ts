// sync: writes every dirty buffer to the disks (the sync call); exits 0.
// Built for tskc and Linux.
import { exit } from '../lib/sys';
import { SYS_SYNC } from '../../kernel/syscall/numbers';

syscall(SYS_SYNC);
exit(0);
