// mount [-r] DEV [DATA]: mounts the ext2 volume of virtio disk DEV
// (/dev/vda … /dev/vdd) over / in place of the one there: mount(2) with
// type ext2, MS_RDONLY for -r, and DATA as its data (`offset=BYTES,
// sizelimit=BYTES` picks a byte range of the disk). The one form this
// kernel has (docs/storage.md, "Mounting another volume"); programs not on
// the new volume still run from the initrd. Says why and exits 1 when the
// call refuses, 2 on a usage error. Built for tskc and Linux (where an
// unprivileged caller gets EPERM).
import { argAddr, argCount, argIs } from '../lib/args';
import { complain, complainText } from '../lib/fsutil';
import { exit } from '../lib/sys';
import { SYS_MOUNT } from '../../kernel/syscall/numbers';

const MS_RDONLY: u64 = 1;

const readOnly = argCount() >= 2 && argIs(1, '-r');
const first: i32 = readOnly ? 2 : 1;
const left = argCount() - first;
if (left < 1 || left > 2) {
  complainText('mount', 'usage: mount [-r] DEV [offset=BYTES,sizelimit=BYTES]');
  exit(2);
}
const dev = argAddr(first);
const data: usize = left == 2 ? argAddr(first + 1) : 0;
const r = syscall(SYS_MOUNT, dev, changetype<usize>('/') + 8, changetype<usize>('ext2') + 8, readOnly ? MS_RDONLY : 0, data);
if (r < 0) {
  complain('mount', 'cannot mount', dev, r);
  exit(1);
}
exit(0);
