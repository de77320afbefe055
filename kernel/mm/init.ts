// Memory-management start-up, called once from kernel/main.ts after the
// console: reads the E820 map, sets up the frame allocator (low memory, the
// kernel image and the frame bitmaps reserved), the slab heap behind `new`,
// and the kernel's own page tables, switches to them (then hands out the RAM
// above the boot identity map), reports over serial, runs the self-test,
// and sets up the share counts of user frames (framerefs.ts). Kernel target only. See docs/memory-map.md, docs/kernel-heap.md.
import { heapInstall } from '../../runtime/kernel/heap';
import { activate, archInit, smapOn, smepOn } from './arch';
import { readE820 } from './bootinfo';
import { framesBitmapBytes, framesBitmapPhys, framesFree, framesHeld, framesInit, framesLimit, framesRelease, framesTotal } from './frames';
import { frameRefsInit } from './framerefs';
import { kfree, kzalloc } from './heap';
import { kmapBuild, kmapCheck, kmapKernelPml4 } from './kmap';
import { setKernelSpace } from './aspace';
import { BOOT_IDENTITY_END, BOOT_INFO_ADDR, KERNEL_START, kernelEnd, LOW_MEMORY_END } from './layout';
import { logKiB, logNum, logStr } from './log';
import { E820_USABLE, RegionList, sanitize } from './memmap';
import { physToVirt } from './phys';
import { mmSelfTest } from './selftest';

const raw = new RegionList();
const physMap = new RegionList();
const reserved = new RegionList();

/** The allocator behind `new` once the heap is up: zeroed memory or a panic. */
function kernelNew(size: usize): usize {
  const p = kzalloc(size);
  if (p == 0) throw new Error('kernel heap: out of memory');
  return p;
}

/** The sanitised physical memory map. */
export function mmPhysMap(): RegionList {
  return physMap;
}

/** The physical address of the kernel's PML4. */
export function mmKernelPml4(): u64 {
  return kmapKernelPml4();
}

export function mmInit(): void {
  readE820(physToVirt(u64(BOOT_INFO_ADDR)), raw);
  sanitize(raw, physMap);
  reserved.add(0, LOW_MEMORY_END, 2);
  reserved.add(KERNEL_START, kernelEnd() - KERNEL_START, 2);
  // Until the kernel runs on its own tables, physToVirt reaches only the first 1 GiB (stage 2's direct map).
  framesInit(physMap, reserved, BOOT_IDENTITY_END);
  heapInstall(kernelNew, kfree);
  archInit();
  const pml4 = kmapBuild(physMap);
  const tables = kmapCheck(pml4);
  activate(pml4);
  framesRelease(physMap, reserved);
  setKernelSpace(pml4);
  logKiB('mm: usable RAM ', physMap.bytesOf(E820_USABLE));
  logStr('mm: frames total ');
  logNum(framesTotal());
  logStr(' free ');
  logNum(framesFree());
  logStr(' held ');
  logNum(framesHeld());
  logStr(' bitmap at ');
  logNum(framesBitmapPhys());
  logStr(' (');
  logNum(framesBitmapBytes());
  logStr(' bytes)\n');
  logKiB('mm: allocatable RAM ', framesTotal() * 4096);
  logStr('mm: kernel page tables built: ');
  logNum(tables);
  logStr(' tables, no user entries, W^X sections\n');
  logStr('mm: running on the kernel page tables (NX, WP');
  if (smepOn()) logStr(', SMEP');
  if (smapOn()) logStr(', SMAP');
  logStr(')\n');
  mmSelfTest(physMap.topOf(E820_USABLE));
  frameRefsInit(framesLimit()); // fork's shared user frames (cow.ts), after the self-test's heap baseline
}
