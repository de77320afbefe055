// An open ext2 file or directory: a Device (kernel/fs/device.ts) of its
// own per open, holding the inode and the position, shared by dup'd fds
// and freed with the last of them. Reads go through ext2Read; a
// directory reads as -EISDIR (its entries come from getdents64). The
// volume is read-only: open refuses write access, so write is never
// reached with a writable fd. docs/storage.md, "Files".
import { EBADF, EINVAL, EISDIR } from '../../syscall/numbers';
import { Device } from '../device';
import { Inode, S_IFDIR, S_IFMT } from './inode';
import { ext2Read } from './read';

export const SEEK_SET: i64 = 0;
export const SEEK_CUR: i64 = 1;
export const SEEK_END: i64 = 2;

export class Ext2File extends Device {
  readonly inode = new Inode();
  /** The byte offset of the next read; for a directory, of the next entry. */
  pos: u64 = 0;
  refs: i32 = 0;

  path(): string { return 'ext2:'; }

  isDirectory(): bool {
    return (this.inode.mode & S_IFMT) == S_IFDIR;
  }

  read(buf: u64, len: u64): i64 {
    if (this.isDirectory()) return -EISDIR;
    const r = ext2Read(this.inode, this.pos, buf, len, true);
    if (r > 0) this.pos += u64(r);
    return r;
  }

  write(buf: u64, len: u64): i64 { return -EBADF; }

  /** lseek: the new position, or -EINVAL for a bad `whence` or a negative result. */
  seek(offset: i64, whence: i64): i64 {
    let base: i64 = 0;
    if (whence == SEEK_CUR) base = i64(this.pos);
    else if (whence == SEEK_END) base = i64(this.inode.size);
    else if (whence != SEEK_SET) return -EINVAL;
    const to = base + offset;
    if (to < 0 || (offset > 0 && to < base)) return -EINVAL;
    this.pos = u64(to);
    return to;
  }

  opened(): void { this.refs++; }

  released(): void {
    this.refs--;
    if (this.refs > 0) return;
    free(this.inode);
    free(this);
  }
}
