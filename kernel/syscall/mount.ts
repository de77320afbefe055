// mount (165) with Linux's arguments (source, target, fstype, flags,
// data), in the one form this kernel has: an ext2 volume mounted over
// `/` in place of the one there. The source is a virtio disk, `/dev/vda`
// for disk 0 up to `/dev/vdd`; with no data the volume is found as at
// boot (the first Linux partition of an MBR, else the whole disk), and
// data `offset=BYTES,sizelimit=BYTES` (the names of mount(8)'s loop
// options) takes that byte range of the disk instead, so one disk can hold
// many volumes. MS_RDONLY mounts it read-only. The old volume is synced
// and let go first; a volume that is refused leaves `/` with only /dev
// (the kernel says why). docs/storage.md, "Mounting another volume".
import { cacheSync } from '../block/cache';
import { blkDisk } from '../drivers/virtio/blk';
import { icacheBusy } from '../fs/ext2/icache';
import { fsLock, fsUnlock } from '../fs/ext2/lock';
import { ext2Mount, ext2MountRange } from '../fs/ext2/superblock';
import { programsForgetSources } from '../proc/programs';
import { copyStringFromUser } from '../mm/usercopy';
import { EBUSY, EINVAL, ENODEV, ENOENT } from './numbers';

export const MS_RDONLY: u64 = 1;
const TEXT_MAX: u64 = 64;
const source = new Uint8Array(i32(TEXT_MAX));
const target = new Uint8Array(i32(TEXT_MAX));
const fstype = new Uint8Array(i32(TEXT_MAX));
const data = new Uint8Array(i32(TEXT_MAX));
/** offset and sizelimit parsed from the data string. */
const range = new Uint64Array(2);

function equals(text: Uint8Array, length: i64, word: string): bool {
  if (length != i64(word.length)) return false;
  for (let i: i32 = 0; i < word.length; i++) if (i32(text[i]) != word.charCodeAt(i)) return false;
  return true;
}

/** Whether `text` at `at` starts with `word`. */
function startsAt(text: Uint8Array, length: i64, at: i64, word: string): bool {
  if (at + i64(word.length) > length) return false;
  for (let i: i32 = 0; i < word.length; i++) if (i32(text[i32(at) + i]) != word.charCodeAt(i)) return false;
  return true;
}

/** Parses `offset=N,sizelimit=M` (both present, decimal, in that order) into `range`; false if it is not that. */
function parseRange(length: i64): bool {
  let at: i64 = 0;
  for (let k: i32 = 0; k < 2; k++) {
    const word = k == 0 ? 'offset=' : 'sizelimit=';
    if (!startsAt(data, length, at, word)) return false;
    at += i64(word.length);
    let v: u64 = 0;
    const first = at;
    while (at < length && data[i32(at)] >= 48 && data[i32(at)] <= 57 && at - first < 16) {
      v = v * 10 + u64(data[i32(at)] - 48);
      at++;
    }
    if (at == first) return false;
    range[k] = v;
    if (k == 0) {
      if (at >= length || data[i32(at)] != 44) return false; // ','
      at++;
    }
  }
  return at == length;
}

/** Copies the user string at `src` into `dst`: its length or -errno. */
function text(dst: Uint8Array, src: u64): i64 {
  return copyStringFromUser(changetype<usize>(dst) + 8, src, TEXT_MAX);
}

export function sysMount(src: u64, dir: u64, type: u64, flags: u64, opts: u64): i64 {
  const sourceLen = text(source, src);
  if (sourceLen < 0) return sourceLen;
  const targetLen = text(target, dir);
  if (targetLen < 0) return targetLen;
  const typeLen = text(fstype, type);
  if (typeLen < 0) return typeLen;
  const dataLen = opts == 0 ? 0 : text(data, opts);
  if (dataLen < 0) return dataLen;
  if (!equals(fstype, typeLen, 'ext2')) return -ENODEV;
  if (!equals(target, targetLen, '/')) return -EINVAL; // only `/` can be mounted on
  if ((flags & ~MS_RDONLY) != 0) return -EINVAL;
  if (sourceLen != 8 || !startsAt(source, sourceLen, 0, '/dev/vd')) return -ENOENT;
  const d = i32(source[7]) - 97; // 'a'
  if (d < 0 || d > 25) return -ENOENT;
  const disk = blkDisk(d);
  if (disk === null) return -ENOENT;
  const whole = dataLen == 0;
  if (!whole) {
    if (!parseRange(dataLen)) return -EINVAL;
    const end = range[0] + range[1];
    if (range[0] % 512 != 0 || range[1] % 512 != 0 || range[1] == 0 || end < range[0] || end / 512 > disk.capacity) return -EINVAL;
  }
  fsLock();
  if (icacheBusy()) {
    fsUnlock();
    return -EBUSY;
  }
  cacheSync(-1); // the old volume's changes reach its disk before it is let go
  programsForgetSources();
  const readOnly = (flags & MS_RDONLY) != 0;
  const ok = whole ? ext2Mount(d, readOnly) : ext2MountRange(d, range[0] / 512, range[1] / 512, readOnly);
  fsUnlock();
  return ok ? 0 : -EINVAL;
}
