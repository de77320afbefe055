// Finding and checking a user program's debug table (the `TSKD` table the
// compiler puts in .rodata, docs/debugging.md "The debug table") inside its
// ELF file, which may come from the disk: nothing in it is trusted. The
// table is searched for in the file bytes of the program's read-only,
// non-executable PT_LOAD segments, and accepted only if every array and
// every string and site it refers to lies inside that segment, so the
// fault report's lookups (runtime/kernel/symbols.ts) never read outside
// the file. docs/processes.md, "Programs".

const MAGIC: u32 = 0x444b5354; // 'TSKD'
const VERSION: u32 = 2;
const HEADER: u64 = 40;
const PT_LOAD: u32 = 1;
const PF_X: u32 = 1;
const PF_W: u32 = 2;

/** Whether the tskc string at offset `off` of the table (`room` bytes from its start to the segment's end) fits. */
function stringFits(t: usize, off: u64, room: u64): bool {
  if (off > room || room - off < 9) return false;
  const len = load<u64>(t + usize(off));
  return len <= room - off - 9;
}

/** Whether the table at `t`, with `room` bytes to the end of its segment, is whole and self-consistent. */
function tableSound(t: usize, room: u64): bool {
  if (room < HEADER || load<u32>(t) != MAGIC || load<u32>(t + 4) != VERSION) return false;
  const nfuncs = u64(load<u32>(t + 16));
  const nrows = u64(load<u32>(t + 20));
  const nruns = u64(load<u32>(t + 24));
  const nsiteruns = u64(load<u32>(t + 28));
  const nsites = u64(load<u32>(t + 32));
  const end = HEADER + nfuncs * 12 + nrows * 8 + nruns * 8 + nsiteruns * 8 + nsites * 16; // at most 40 + 2^32 * 52: no overflow
  if (end > room) return false;
  const funcs = t + usize(HEADER);
  for (let i: u64 = 0; i < nfuncs; i++) {
    if (!stringFits(t, u64(load<u32>(funcs + usize(i * 12) + 8)), room)) return false;
  }
  const runs = funcs + usize(nfuncs * 12 + nrows * 8);
  for (let i: u64 = 0; i < nruns; i++) {
    if (!stringFits(t, u64(load<u32>(runs + usize(i * 8) + 4)), room)) return false;
  }
  const siteRuns = runs + usize(nruns * 8);
  for (let i: u64 = 0; i < nsiteruns; i++) {
    if (u64(load<u32>(siteRuns + usize(i * 8) + 4)) > nsites) return false;
  }
  const sites = siteRuns + usize(nsiteruns * 8);
  for (let i: u64 = 0; i < nsites; i++) {
    const s = sites + usize(i * 16);
    if (!stringFits(t, u64(load<u32>(s)), room) || !stringFits(t, u64(load<u32>(s + 4)), room)) return false;
    if (u64(load<u32>(s + 12)) > nsites) return false;
  }
  return true;
}

/**
 * The user address of the sound debug table in the ELF executable at
 * `elf` (`bytes` long, its header already checked by the loader), or 0.
 */
export function findDebugTable(elf: usize, bytes: usize): u64 {
  if (bytes < 64) return 0;
  const phoff = load<u64>(elf + 32);
  const phnum = u64(load<u16>(elf + 56));
  if (phoff > u64(bytes) || phnum * 56 > u64(bytes) - phoff) return 0;
  for (let i: u64 = 0; i < phnum; i++) {
    const ph = elf + usize(phoff + i * 56);
    if (load<u32>(ph) != PT_LOAD || (load<u32>(ph + 4) & (PF_X | PF_W)) != 0) continue;
    const offset = load<u64>(ph + 8);
    const fileSize = load<u64>(ph + 32);
    if (offset > u64(bytes) || fileSize > u64(bytes) - offset) continue;
    const va = load<u64>(ph + 16);
    // The table is 8-aligned in the segment's memory image.
    for (let at = (8 - (va & 7)) & 7; at + HEADER <= fileSize; at += 8) {
      if (load<u32>(elf + usize(offset + at)) == MAGIC && tableSound(elf + usize(offset + at), fileSize - at)) return va + at;
    }
  }
  return 0;
}
