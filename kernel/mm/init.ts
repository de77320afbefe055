// Memory-management start-up, called once from kernel/main.ts after the
// console: reads the E820 map, sets up the frame allocator (low memory, the
// kernel image and the frame bitmaps reserved), the slab heap behind `new`,
// and the kernel's own page tables, then reports over serial and runs the
// self-test. Kernel target only. See docs/memory-map.md, docs/kernel-heap.md.
import { heapInstall } from '../../runtime/kernel/heap';
import { activate, archInit } from './arch';
import { readE820 } from './bootinfo';
import { framesBitmapBytes, framesBitmapPhys, framesFree, framesHeld, framesInit, framesTotal } from './frames';
import { kfree, kzalloc } from './heap';
import { kmapBuild, kmapCheck } from './kmap';
import { BOOT_IDENTITY_END, BOOT_INFO_ADDR, KERNEL_START, kernelEnd, LOW_MEMORY_END } from './layout';
import { logKiB, logNum, logStr } from './log';
import { E820_USABLE, RegionList, sanitize } from './memmap';
import { mmSelfTest } from './selftest';

const raw = new RegionList();
const physMap = new RegionList();
const reserved = new RegionList();
let kernelPml4: u64 = 0;

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
  return kernelPml4;
}

export function mmInit(): void {
  readE820(BOOT_INFO_ADDR, raw);
  sanitize(raw, physMap);
  reserved.add(0, LOW_MEMORY_END, 2);
  reserved.add(KERNEL_START, kernelEnd() - KERNEL_START, 2);
  // Until the kernel runs on its own tables, physToVirt reaches only stage 2's identity map.
  framesInit(physMap, reserved, BOOT_IDENTITY_END);
  heapInstall(kernelNew, kfree);
  archInit();
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
  kernelPml4 = kmapBuild(physMap);
  const tables = kmapCheck(kernelPml4);
  logStr('mm: kernel page tables built: ');
  logNum(tables);
  logStr(' tables, no user entries, W^X sections\n');
  if (activate(kernelPml4)) logStr('mm: running on the kernel page tables\n');
  else logStr('mm: CR3 switch pending (no CR3 intrinsic yet): still on the boot identity map\n');
  mmSelfTest();
}
