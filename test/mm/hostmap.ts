// The fake machine of the host tests: an mmap'd arena standing in for its
// 64 MiB of physical memory (physToVirt = arena + phys), the boot info of
// fakeinfo.ts parsed and sanitised, and the frame allocator initialised over
// it with the low 1 MiB and a "kernel image" reserved.
import { readE820 } from '../../kernel/mm/bootinfo';
import { framesInit } from '../../kernel/mm/frames';
import { RegionList, sanitize } from '../../kernel/mm/memmap';
import { setPhysOffset } from '../../kernel/mm/phys';
import { fakeBootInfo } from './fakeinfo';
import { mapArena } from './hostlib';

export const ARENA_BYTES: u64 = 0x400_0000; // 64 MiB of "physical" memory
/** Frames from here up are usable but out of reach: the allocator must hold them back. */
export const REACH: u64 = 0x3c0_0000;
export const KERNEL_END: u64 = 0x18_3456;

export const raw = new RegionList();
export const map = new RegionList();
export const reserved = new RegionList();

/** Maps the arena, parses and sanitises the fake map, and initialises the frame allocator. */
export function setupFrames(): void {
  setPhysOffset(mapArena(ARENA_BYTES));
  readE820(fakeBootInfo(), raw);
  sanitize(raw, map);
  reserved.clear();
  reserved.add(0, 0x10_0000, 2); // everything below 1 MiB
  reserved.add(0x10_0000, KERNEL_END - 0x10_0000, 2); // the "kernel image"
  framesInit(map, reserved, REACH);
}
