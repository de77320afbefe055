// Where physical memory is visible to the code: virt = phys + offset. In the
// kernel today the offset is 0 (stage 2 identity-maps the first 1 GiB and the
// kernel's own tables map RAM 1:1, docs/memory-map.md); a higher-half direct
// map later changes only the offset. The host tests set it to the address of
// an mmap'd arena that stands in for physical memory.

let physOffset: usize = 0;

export function setPhysOffset(offset: usize): void {
  physOffset = offset;
}

export function physToVirt(phys: u64): usize {
  return usize(phys) + physOffset;
}

export function virtToPhys(virt: usize): u64 {
  return u64(virt - physOffset);
}

/** Zeroes the 4 KiB frame at physical address `phys`. */
export function zeroFrame(phys: u64): void {
  memset(physToVirt(phys), 0, 4096);
}
