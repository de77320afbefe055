// The program table: every ELF executable a process may run, by index.
// Entries come from the initrd in the kernel image (initrd.ts: permanent,
// their bytes stay where the image put them) or from a file on the
// mounted volume (diskprog.ts: read into frames of their own, counted by
// the processes running them and freed with the last one). A process
// holds its entry (Process.program) from spawn or execve until it exits or
// execs again, so the read-only pages mapped from it and the debug table
// the fault report reads stay valid. docs/processes.md, "Programs".
import { freeFrameRun } from '../mm/frames';
import { findDebugTable } from './debugtable';

/** The most programs known at once (initrd ones and those from the disk in use). */
export const MAX_PROGRAMS: i32 = 64;
/** The longest program name kept (longer names are cut). */
const NAME_MAX: i32 = 63;

class Program {
  used: bool = false;
  /** From the initrd: never freed. */
  permanent: bool = false;
  elf: usize = 0;
  bytes: usize = 0;
  /** The user address of its debug table, or 0 (none that checks). */
  debugTable: u64 = 0;
  /** Processes holding it. */
  refs: u32 = 0;
  /** Frames the bytes were read into (a disk program), and how many. */
  frames: u64 = 0;
  pages: u64 = 0;
  /** The inode, modification time and size it was read from (a disk program). */
  ino: u32 = 0;
  mtime: u32 = 0;
  /** A tskc string: u64 length, the bytes, a NUL. */
  readonly nameBuf = new Uint8Array(80);
}

const table = new Array<Program>(MAX_PROGRAMS);
let made = false;

function slots(): Array<Program> {
  if (!made) {
    for (let i: i32 = 0; i < MAX_PROGRAMS; i++) table[i] = new Program();
    made = true;
  }
  return table;
}

function at(i: usize): Program {
  return slots()[i32(i)];
}

/**
 * Enters the executable at `elf` (`bytes` long) named by the `len` bytes
 * at `name`; its index, or -1 when the table is full. `frames`/`pages`:
 * the frames holding it (0 for bytes that stay where they are).
 */
export function programAdd(name: usize, len: usize, elf: usize, bytes: usize, permanent: bool, frames: u64, pages: u64): i64 {
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) {
    const p = t[i];
    if (p.used) continue;
    p.used = true;
    p.permanent = permanent;
    p.elf = elf;
    p.bytes = bytes;
    p.debugTable = findDebugTable(elf, bytes);
    p.refs = 0;
    p.frames = frames;
    p.pages = pages;
    p.ino = 0;
    p.mtime = 0;
    const n = len < usize(NAME_MAX) ? len : usize(NAME_MAX);
    const s = changetype<usize>(p.nameBuf) + 8;
    store<u64>(s, u64(n));
    memcpy(s + 8, name, n);
    store<u8>(s + 8 + n, 0);
    return i64(i);
  }
  return -1;
}

/** Records that program `i` was read from inode `ino` as it was at `mtime`. */
export function programSetSource(i: usize, ino: u32, mtime: u32): void {
  at(i).ino = ino;
  at(i).mtime = mtime;
}

/** The disk program read from inode `ino` at `mtime` with `size` bytes, still in the table; or -1. */
export function findDiskProgram(ino: u32, mtime: u32, size: u64): i64 {
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) {
    const p = t[i];
    if (p.used && !p.permanent && p.ino == ino && p.mtime == mtime && u64(p.bytes) == size) return i64(i);
  }
  return -1;
}

/** Forgets which inode every disk program was read from (another volume was mounted): none is found again by findDiskProgram. */
export function programsForgetSources(): void {
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) if (!t[i].permanent) t[i].ino = 0;
}

/** A process takes program `i` (-1: none). */
export function programHold(i: i64): void {
  if (i >= 0) at(usize(i)).refs++;
}

/** A process lets go of program `i` (-1: none); a disk program nobody holds is freed. */
export function programRelease(i: i64): void {
  if (i < 0) return;
  const p = at(usize(i));
  if (p.refs > 0) p.refs--;
  if (p.refs > 0 || p.permanent) return;
  if (p.pages > 0) freeFrameRun(p.frames, p.pages);
  p.used = false;
  p.frames = 0;
  p.pages = 0;
}

/** The name of program `i` (what the process list shows). */
export function programName(i: usize): string {
  return changetype<string>(changetype<usize>(at(i).nameBuf) + 8);
}

/** The kernel address of program `i`'s ELF executable. */
export function programElf(i: usize): usize {
  return at(i).elf;
}

/** The size in bytes of program `i`'s ELF executable. */
export function programElfBytes(i: usize): usize {
  return at(i).bytes;
}

/** The user address of program `i`'s debug table, or 0. */
export function programDebugTable(i: usize): u64 {
  return at(i).debugTable;
}

/** The initrd program named by the `len` bytes at `name`, or -1. */
export function findProgram(name: usize, len: usize): i64 {
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) {
    const p = t[i];
    if (!p.used || !p.permanent) continue;
    const s = changetype<usize>(p.nameBuf) + 8;
    if (usize(load<u64>(s)) == len && memcmp(s + 8, name, len) == 0) return i64(i);
  }
  return -1;
}

/** How many frames the programs read from the disk hold (for the memory figures). */
export function programFrames(): u64 {
  const t = slots();
  let n: u64 = 0;
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) n += t[i].pages;
  return n;
}

