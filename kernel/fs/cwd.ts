// Each process's current directory: its inode on the ext2 volume and its
// absolute path (for getcwd), per process-table slot. A new process starts
// in its spawner's directory; the first one, and every process while no
// volume is mounted, in `/`. Paths are kept normalised (no `.`, `..`,
// or double slashes) and at most CWD_MAX bytes. docs/storage.md, "Files".
import { MAX_PROCESSES, Process } from '../proc/process';
import { ROOT_INODE } from './ext2/inode';

/** The longest current directory path (chdir to a longer one is -ENAMETOOLONG). */
export const CWD_MAX: i32 = 256;

const inodes = new Uint32Array(64);
const lengths = new Int32Array(64);
const paths = new Uint8Array(64 * 256);

function slotOf(p: Process): i32 {
  return p.slot >= 0 && p.slot < MAX_PROCESSES ? p.slot : -1;
}

/** The inode of `p`'s current directory. */
export function cwdInode(p: Process): u32 {
  const s = slotOf(p);
  return s < 0 || inodes[s] == 0 ? ROOT_INODE : inodes[s];
}

/** Where `p`'s current directory path is (kernel address) and its length (cwdLength). */
export function cwdPath(p: Process): usize {
  const s = slotOf(p);
  return changetype<usize>(paths) + 8 + usize(s < 0 ? 0 : s) * 256;
}

export function cwdLength(p: Process): i32 {
  const s = slotOf(p);
  if (s < 0 || lengths[s] == 0) {
    store<u8>(cwdPath(p), 47); // '/'
    return 1;
  }
  return lengths[s];
}

/** Makes `ino`, at the `len`-byte absolute path at `path`, the current directory of `p`. */
export function cwdSet(p: Process, ino: u32, path: usize, len: i32): void {
  const s = slotOf(p);
  if (s < 0 || len > CWD_MAX) return;
  inodes[s] = ino;
  memcpy(cwdPath(p), path, usize(len));
  lengths[s] = len;
}

/** `child` starts where `parent` is. */
export function cwdInherit(child: Process, parent: Process): void {
  const s = slotOf(child);
  if (s < 0) return;
  const from = slotOf(parent); // its slot's entries as they are (0: `/`): every fork copies them
  const len = from < 0 ? 0 : lengths[from];
  inodes[s] = from < 0 ? 0 : inodes[from];
  lengths[s] = len;
  if (len > 0) memcpy(cwdPath(child), cwdPath(parent), usize(len));
}
