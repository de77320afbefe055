// The program table: every ELF executable a process may run, by index.
// Entries come from the initrd in the kernel image (initrd.ts: permanent,
// their bytes stay where the image put them) or from a file on the
// mounted volume (diskprog.ts: read into frames of their own, counted by
// the processes running them). A disk program nobody runs stays cached, up
// to IDLE_MAX of them, so the next spawn or execve of it neither reads the
// file nor checks it again; the oldest idle one goes when more are idle or
// the table is full, all of them when memory runs out (programsDrain) or
// another volume is mounted, and one whose file is written or truncated at
// once (programForgetInode). A process
// holds its entry (Process.program) from spawn or execve until it exits or
// execs again, so the read-only pages mapped from it and the debug table
// the fault report reads stay valid. docs/processes.md, "Programs".
import { freeFrameRun } from '../mm/frames';
import { findDebugTable } from './debugtable';

/** The most programs known at once (initrd ones and those from the disk in use). */
export const MAX_PROGRAMS: i32 = 64;
/** The most disk programs kept while no process runs them. */
const IDLE_MAX: i32 = 8;
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
  /** When it was last let go (a count of releases): the oldest idle program goes first. */
  idleSince: u64 = 0;
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
  if (!permanent && idleCount() > 0) {
    let free = false;
    for (let i: i32 = 0; i < MAX_PROGRAMS && !free; i++) free = !t[i].used;
    if (!free) dropOldestIdle(); // the table is full: a cached program makes room
  }
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

let namesGeneration: u64 = 0;

/** A directory changed (an entry added, removed or replaced: ext2's dirwrite.ts) or a volume was mounted: a path cached by diskprog.ts may name something else now. */
export function programNamesChanged(): void {
  namesGeneration++;
}

/** How many times names have changed (programNamesChanged): a cached path is good while this stays the same. */
export function programNamesGeneration(): u64 {
  return namesGeneration;
}

/** Whether slot `i` still holds the program that was read from inode `ino` at `mtime` (a disk program) or, for `ino` 0, an initrd program. */
export function programIs(i: i64, ino: u32, mtime: u32): bool {
  if (i < 0 || i >= i64(MAX_PROGRAMS)) return false;
  const p = at(usize(i));
  if (!p.used) return false;
  return ino == 0 ? p.permanent : !p.permanent && p.ino == ino && p.mtime == mtime;
}

/** Forgets which inode every disk program was read from (another volume was mounted): none is found again by findDiskProgram, and the idle ones go. */
export function programsForgetSources(): void {
  programNamesChanged();
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) if (!t[i].permanent) forget(t[i]);
}

/** The file of inode `ino` changed (written or truncated): a program read from it is not found again, and goes if idle. */
export function programForgetInode(ino: u32): void {
  if (ino == 0) return;
  const t = slots();
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) if (t[i].used && !t[i].permanent && t[i].ino == ino) forget(t[i]);
}

function forget(p: Program): void {
  p.ino = 0;
  if (isIdle(p)) drop(p);
}

/** A disk program kept with no process running it. */
function isIdle(p: Program): bool {
  return p.used && !p.permanent && p.refs == 0;
}

function idleCount(): i32 {
  const t = slots();
  let n: i32 = 0;
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) if (isIdle(t[i])) n++;
  return n;
}

/** Frees a disk program's frames and its slot. */
function drop(p: Program): void {
  if (p.pages > 0) freeFrameRun(p.frames, p.pages);
  p.used = false;
  p.frames = 0;
  p.pages = 0;
  p.ino = 0;
}

let releases: u64 = 0;

function dropOldestIdle(): void {
  const t = slots();
  let oldest: Program | null = null;
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) {
    const p = t[i];
    if (isIdle(p) && (oldest === null || p.idleSince < oldest.idleSince)) oldest = p;
  }
  if (oldest !== null) drop(oldest);
}

/** Frees every idle disk program; whether there was any (memory ran out: kstack.ts chains it into the frame allocator's reclaimer). */
export function programsDrain(): bool {
  const t = slots();
  let any = false;
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) {
    if (!isIdle(t[i])) continue;
    drop(t[i]);
    any = true;
  }
  return any;
}

/** Frames the idle disk programs hold: free memory on demand (meminfo counts them as free). */
export function programCachedFrames(): u64 {
  const t = slots();
  let n: u64 = 0;
  for (let i: i32 = 0; i < MAX_PROGRAMS; i++) if (isIdle(t[i])) n += t[i].pages;
  return n;
}

/** A process takes program `i` (-1: none). */
export function programHold(i: i64): void {
  if (i >= 0) at(usize(i)).refs++;
}

/** A process lets go of program `i` (-1: none); a disk program nobody holds stays cached (the oldest idle one goes past IDLE_MAX), unless its file is forgotten. */
export function programRelease(i: i64): void {
  if (i < 0) return;
  const p = at(usize(i));
  if (p.refs > 0) p.refs--;
  if (p.refs > 0 || p.permanent) return;
  if (p.ino == 0) {
    drop(p); // its file changed or its volume went: nobody finds it again
    return;
  }
  p.idleSince = ++releases;
  if (idleCount() > IDLE_MAX) dropOldestIdle();
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

