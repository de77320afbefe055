// The user programs linked into the kernel image: a table the image builder
// generates (compiler/image/userland.ts) in .rodata, one entry per program:
// its name, its ELF executable (stripped) and the user address of its debug
// table, which the fault report reads to name a TS function and line.
// docs/processes.md, "Programs in the image".

/** @extern __user_programs */
declare function userProgramsSymbol(): void;

const ENTRY_BYTES: usize = 40;

function table(): usize {
  return changetype<usize>(userProgramsSymbol);
}

function entry(i: usize): usize {
  return table() + 8 + i * ENTRY_BYTES;
}

/** How many programs the image carries. */
export function programCount(): usize {
  return load<usize>(table());
}

/** The name of program `i` (what `spawn NAME` matches). */
export function programName(i: usize): string {
  return changetype<string>(load<usize>(entry(i)));
}

/** The kernel address of program `i`'s ELF executable. */
export function programElf(i: usize): usize {
  return load<usize>(entry(i) + 8);
}

/** The size in bytes of program `i`'s ELF executable. */
export function programElfBytes(i: usize): usize {
  return load<usize>(entry(i) + 16);
}

/** The user address of program `i`'s debug table (in its read-only segment). */
export function programDebugTable(i: usize): u64 {
  return load<u64>(entry(i) + 24);
}

/** The index of the program named by the `len` bytes at `name`, or -1. */
export function findProgram(name: usize, len: usize): i64 {
  const n = programCount();
  for (let i: usize = 0; i < n; i++) {
    const p = programName(i);
    if (usize(p.length) != len) continue;
    if (memcmp(changetype<usize>(p) + 8, name, len) == 0) return i64(i);
  }
  return -1;
}
