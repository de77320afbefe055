// Where physical memory is visible to the code. The kernel sees all RAM
// through its direct map, virt = DIRECT_MAP_BASE + phys (PML4 slot 256 on:
// stage 2 maps the first 1 GiB there, the kernel's own tables all usable RAM,
// docs/memory-map.md), and its own image at KERNEL_VMA + phys (the top
// 2 GiB, kernel/kernel.ld). Every place that turns a physical address into a
// pointer goes through physToVirt; virtToPhys accepts both windows. The host
// tests set the offset to the address of an mmap'd arena that stands in for
// physical memory.

/** The direct map of physical memory: PML4 slot 256, the first upper-half slot. */
export const DIRECT_MAP_BASE: u64 = 0xffff_8000_0000_0000;
/** Where the kernel image is linked: virtual = KERNEL_VMA + physical (kernel.ld, layout.inc). */
export const KERNEL_VMA: u64 = 0xffff_ffff_8000_0000;

/** Added to a physical address to reach it (DIRECT_MAP_BASE in the kernel). @export tskc_phys_offset */
let physOffset: usize = usize(DIRECT_MAP_BASE);

export function setPhysOffset(offset: usize): void {
  physOffset = offset;
}

export function physToVirt(phys: u64): usize {
  return usize(phys) + physOffset;
}

/** The physical address behind a direct-map or kernel-image address. */
export function virtToPhys(virt: usize): u64 {
  if (u64(virt) >= KERNEL_VMA) return u64(virt) - KERNEL_VMA;
  return u64(virt - physOffset);
}

/** The kernel image's virtual address of the physical address `phys` inside it. */
export function kernelVirt(phys: u64): u64 {
  return phys + KERNEL_VMA;
}

/** Zeroes the 4 KiB frame at physical address `phys`. */
export function zeroFrame(phys: u64): void {
  memset(physToVirt(phys), 0, 4096);
}
