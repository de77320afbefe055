// Read-only text files made by the kernel (/dev/pci): each open gets its
// own snapshot of the text, taken at open time, and its own read position,
// so `cat` sees one consistent listing and reaches end of file. The
// snapshot lives as long as an fd refers to it (dup'd fds share it and its
// position, as they share a Linux file description) and is freed with the
// last one. Writes fail with -EBADF, as on a file opened read-only.
// docs/storage.md, "/dev/pci".
import { TextBuilder } from 'tskc:text';
import { copyToUser } from '../mm/usercopy';
import { EBADF } from '../syscall/numbers';
import { Device } from './device';

/** The most bytes a text file holds; longer text is cut (the file is a prefix of it). */
export const TEXT_FILE_MAX: i32 = 16384;

/** Writes a text file's contents into `t`. */
export type TextSource = (t: TextBuilder) => void;

class TextFile extends Device {
  readonly text = new Uint8Array(16384);
  length: u64 = 0;
  position: u64 = 0;
  refs: i32 = 0;

  constructor(readonly name: string) {
    super();
  }

  path(): string { return this.name; }

  read(buf: u64, len: u64): i64 {
    if (this.position >= this.length) return 0;
    const left = this.length - this.position;
    const n = len < left ? len : left;
    const r = copyToUser(buf, changetype<usize>(this.text) + 8 + usize(this.position), n);
    if (r < 0) return r;
    this.position += n;
    return i64(n);
  }

  write(buf: u64, len: u64): i64 { return -EBADF; }

  opened(): void { this.refs++; }

  released(): void {
    this.refs--;
    if (this.refs == 0) free(this);
  }
}

/** A new snapshot of the text `source` writes, named `name` (no fd refers to it yet: install it or free it). */
export function textFileOpen(name: string, source: TextSource): Device {
  const f = new TextFile(name);
  const t = new TextBuilder(changetype<usize>(f.text) + 8, TEXT_FILE_MAX);
  source(t);
  f.length = u64(t.length);
  free(t);
  return f;
}
