// The `fs` boot step: mounts the ext2 volume of the first virtio disk as
// `/` (read-write, or read-only when a feature says so). With no disk, or a volume that does not mount (the
// reason is printed), the kernel runs on with only the devices of /dev.
// docs/storage.md, "Files".
import { consoleWrite } from '../console/console';
import { blkDiskCount } from '../drivers/virtio/blk';
import { ext2Mount } from './ext2/superblock';

export function mountRoot(): void {
  if (blkDiskCount() == 0) {
    consoleWrite('fs: no disk: / holds only /dev\n');
    return;
  }
  if (!ext2Mount(0, false)) consoleWrite('fs: / is not mounted: only /dev is there\n');
}
