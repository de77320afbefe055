// Reference counts of user frames that several address spaces map: after
// fork, parent and child map the same frames copy-on-write (cow.ts). A
// frame's count is how many mappings it has beyond the first, one byte per
// frame of RAM (a frame has at most one mapping per process, and there are
// never more than 256 processes), so a frame with no extra mapping costs
// nothing to track, and the last of its mappings to go frees it. Pure code:
// the host tests (test/mm/) run it, where no table is set up and every frame
// has one mapping. docs/memory-map.md, "Copy-on-write".
import { freeFrame } from './frames';

let refs: Uint8Array | null = null;

/** Sets up the counts of the `frames` frames of RAM (all 0), after the heap. */
export function frameRefsInit(frames: u64): void {
  refs = new Uint8Array(i32(frames));
}

/** How many more mappings than one the user frame at `phys` has. */
export function frameSharers(phys: u64): u64 {
  const r = refs;
  return r === null ? 0 : u64(r[i32(phys >> 12)]);
}

/** Counts one more mapping of the user frame at `phys`. */
export function shareFrame(phys: u64): void {
  const r = refs;
  if (r === null) throw new Error('shareFrame: frame reference counts are not set up');
  const i = i32(phys >> 12);
  if (r[i] == 255) throw new Error('shareFrame: too many mappings of one frame');
  r[i] = r[i] + 1;
}

/** One mapping of the user frame at `phys` goes: the frame is freed with its last. */
export function releaseUserFrame(phys: u64): void {
  const r = refs;
  const i = i32(phys >> 12);
  if (r !== null && r[i] > 0) r[i] = r[i] - 1;
  else freeFrame(phys);
}
