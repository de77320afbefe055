// An open ext2 file or directory: a Device (kernel/fs/device.ts) of its
// own per open, holding the shared inode (icache.ts) and the position,
// shared by dup'd fds and freed with the last of them (which lets go of
// the inode: an unlinked file is freed then). Reads go through ext2Read,
// writes through ext2Write (at the end with O_APPEND); a directory reads
// as -EISDIR (its entries come from getdents64). Whether the fd may read
// or write is checked before (syscall/files.ts). docs/storage.md, "Files".
import { EINVAL, EISDIR, EROFS } from '../../syscall/numbers';
import { Device } from '../device';
import { iput } from './icache';
import { Inode, S_IFDIR, S_IFMT } from './inode';
import { ext2Read } from './read';
import { fsLock, fsReadLock, fsReadUnlock, fsUnlock } from './lock';
import { volume } from './volume';
import { ext2Write } from './write';

export const SEEK_SET: i64 = 0;
export const SEEK_CUR: i64 = 1;
export const SEEK_END: i64 = 2;

export class Ext2File extends Device {
  /** The byte offset of the next read; for a directory, of the next entry. */
  pos: u64 = 0;
  refs: i32 = 0;

  /** `inode` is held for this file (released with it); `append`: every write goes to the end (O_APPEND). */
  constructor(readonly inode: Inode, readonly append: bool) {
    super();
  }

  path(): string { return 'ext2:'; }

  isDirectory(): bool {
    return (this.inode.mode & S_IFMT) == S_IFDIR;
  }

  read(buf: u64, len: u64): i64 {
    const r = this.readAt(this.pos, buf, len);
    if (r > 0) this.pos += u64(r);
    return r;
  }

  /** pread64: `len` bytes from offset `off`, the position untouched. */
  readAt(off: u64, buf: u64, len: u64): i64 {
    if (this.isDirectory()) return -EISDIR;
    fsReadLock();
    const r = ext2Read(this.inode, off, buf, len, true);
    fsReadUnlock();
    return r;
  }

  write(buf: u64, len: u64): i64 {
    fsLock();
    const at = this.append ? this.inode.size : this.pos;
    const r = this.writeLocked(at, buf, len);
    if (r > 0) this.pos = at + u64(r);
    fsUnlock();
    return r;
  }

  /** pwrite64: `len` bytes at offset `off` (at the end with O_APPEND, as Linux), the position untouched. */
  writeAt(off: u64, buf: u64, len: u64): i64 {
    fsLock();
    const r = this.writeLocked(this.append ? this.inode.size : off, buf, len);
    fsUnlock();
    return r;
  }

  private writeLocked(off: u64, buf: u64, len: u64): i64 {
    if (this.isDirectory()) return -EISDIR;
    if (!volume.writable) return -EROFS;
    return ext2Write(this.inode, off, buf, len, true);
  }

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
    fsLock();
    iput(this.inode);
    fsUnlock();
    free(this);
  }
}
