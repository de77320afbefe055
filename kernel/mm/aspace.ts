// Per-process address spaces. Each has its own PML4 whose kernel slots
// (0..127: the identity map of physical memory) are copies of the kernel's,
// so the kernel's tables below them are shared, and whose user slots
// (128..255: USER_START..USER_END, 64 TiB to 128 TiB) belong to the process
// alone: the two ranges never overlap. User pages are 4 KiB, zeroed frames
// from the frame allocator, or frames shared read-only from a program image
// (SHARED: not the space's to free); destroyAddressSpace returns every frame
// the space owns and every table of the user slots. Pure code over physToVirt and
// paging.ts: test/mm/ runs it on the host. See docs/memory-map.md.
import { allocFrame, freeFrame } from './frames';
import { ADDR_MASK, HUGE, map, NO_EXECUTE, NOT_MAPPED, PRESENT, SHARED, translate, unmap, USER, walk, WRITABLE } from './paging';
import { physToVirt, zeroFrame } from './phys';

/** The first user address: PML4 slot 128 (64 TiB). */
export const USER_START: u64 = 0x0000_4000_0000_0000;
/** The end of user space (exclusive): the last page below the canonical hole is left out. */
export const USER_END: u64 = 0x0000_7fff_ffff_f000;
const FIRST_USER_SLOT: usize = 128;
const LAST_USER_SLOT: usize = 255;
/** The flags mapUser accepts (USER is always added). */
export const USER_FLAGS: u64 = WRITABLE | NO_EXECUTE;

let kernelSpace: u64 = 0;

/** Sets the kernel's PML4, whose kernel slots every new address space shares. */
export function setKernelSpace(pml4: u64): void {
  kernelSpace = pml4;
}

export class AddressSpace {
  /** The physical address of this space's PML4 (what CR3 gets). */
  pml4: u64 = 0;
  /** User pages mapped (frames this space owns). */
  pages: u64 = 0;
}

/**
 * A new address space sharing the kernel's mappings. When no frame is left
 * for its PML4 its `pml4` is 0 (destroyAddressSpace still takes it).
 */
export function createAddressSpace(): AddressSpace {
  if (kernelSpace == 0) throw new Error('createAddressSpace: no kernel page tables yet');
  const as = new AddressSpace();
  const t = allocFrame();
  if (t == 0) return as;
  zeroFrame(t);
  const from = physToVirt(kernelSpace);
  const to = physToVirt(t);
  for (let i: usize = 0; i < FIRST_USER_SLOT; i++) store<u64>(to + i * 8, load<u64>(from + i * 8));
  as.pml4 = t;
  return as;
}

/** Whether [va, va + bytes) lies entirely in user space (no wrap-around). */
export function userRange(va: u64, bytes: u64): bool {
  if (va < USER_START || va > USER_END) return false;
  return bytes <= USER_END - va;
}

/**
 * Maps a zeroed frame at the user page `va` with `flags` (USER_FLAGS bits;
 * USER is added). Returns false when no frame is left; panics on an address
 * outside user space, an unaligned one, or a page already mapped. With
 * `zero` false the frame keeps its old bytes: only for a caller that
 * overwrites the whole page before the process can run (the ELF loader).
 */
export function mapUser(as: AddressSpace, va: u64, flags: u64, zero: bool = true): bool {
  if ((va & 0xfff) != 0) throw new Error('mapUser: address is not 4 KiB aligned');
  if (!userRange(va, 4096)) throw new Error('mapUser: address is outside user space');
  if ((flags & ~USER_FLAGS) != 0) throw new Error('mapUser: flags other than WRITABLE and NO_EXECUTE');
  const f = allocFrame();
  if (f == 0) return false;
  if (zero) zeroFrame(f);
  if (!map(as.pml4, va, f, flags | USER)) {
    freeFrame(f);
    return false;
  }
  as.pages++;
  return true;
}

/**
 * Maps the frame at `phys`, which the space does not own (a read-only page
 * of a program image in the kernel), at the user page `va` with `flags`
 * (never WRITABLE): it is marked SHARED, so tearing down leaves it alone,
 * and it does not count in `pages`. False when no frame is left for a table.
 */
export function mapUserShared(as: AddressSpace, va: u64, phys: u64, flags: u64): bool {
  if ((va & 0xfff) != 0 || (phys & 0xfff) != 0) throw new Error('mapUserShared: address is not 4 KiB aligned');
  if (!userRange(va, 4096)) throw new Error('mapUserShared: address is outside user space');
  if ((flags & ~NO_EXECUTE) != 0) throw new Error('mapUserShared: a shared page is read-only');
  return map(as.pml4, va, phys, flags | USER | SHARED);
}

/** Unmaps the user page at `va` and frees its frame (unless shared); false if it was not mapped. */
export function unmapUser(as: AddressSpace, va: u64): bool {
  if (!userRange(va & ~u64(0xfff), 4096)) return false;
  const shared = (walk(as.pml4, va & ~u64(0xfff)) & SHARED) != 0;
  const f = unmap(as.pml4, va);
  if (f == NOT_MAPPED) return false;
  if (shared) return true;
  freeFrame(f);
  as.pages--;
  return true;
}

/**
 * Whether every page of [va, va + bytes) is user space and mapped with USER
 * (and WRITABLE when `write`) in `pml4`: then a kernel copy inside
 * stac/clac cannot fault. Zero bytes are always accessible.
 */
export function userAccessible(pml4: u64, va: u64, bytes: u64, write: bool): bool {
  if (bytes == 0) return true;
  if (!userRange(va, bytes)) return false;
  const need = PRESENT | USER | (write ? WRITABLE : 0);
  for (let p = va & ~u64(0xfff); p < va + bytes; p += 4096) {
    if ((walk(pml4, p) & need) != need) return false;
  }
  return true;
}

/**
 * Copies `bytes` from kernel memory at `src` into the user pages of `as` at
 * `va`, through the frames' kernel addresses (so `as` need not be the current
 * space, and read-only pages can be filled). False if a page is not mapped.
 */
export function copyIntoSpace(as: AddressSpace, va: u64, src: usize, bytes: u64): bool {
  let done: u64 = 0;
  while (done < bytes) {
    const at = va + done;
    const phys = translate(as.pml4, at);
    if (phys == NOT_MAPPED || !userRange(at, 1)) return false;
    let chunk = 4096 - (at & 0xfff);
    if (chunk > bytes - done) chunk = bytes - done;
    memcpy(physToVirt(phys), src + usize(done), usize(chunk));
    done += chunk;
  }
  return true;
}

/**
 * The index of the first nonzero entry at or after `from` in the table at
 * `t`, or 512: one `repe scasq` (an entry that is not present is always 0
 * here: unmap writes 0), so that tearing down skips empty stretches fast.
 */
function nextEntry(t: usize, from: usize): usize {
  if (from >= 512) return 512;
  let left: u64 = u64(512 - from);
  const found = asm<u64>('xor eax, eax', 'repe scasq', 'setne al',
    asm.in('rdi', t + from * 8), asm.inout('rcx', left), asm.lateout('rax'), asm.clobber('rdi'));
  return (found & 1) != 0 ? 512 - usize(left) - 1 : 512;
}

function freeUser(table: u64, level: i32): void {
  const t = physToVirt(table);
  for (let i = nextEntry(t, 0); i < 512; i = nextEntry(t, i + 1)) {
    const e = load<u64>(t + i * 8);
    if ((e & PRESENT) == 0) throw new Error('destroyAddressSpace: a non-present entry that is not 0');
    if ((e & HUGE) != 0) throw new Error('destroyAddressSpace: a huge page in user space');
    if (level > 1) freeUser(e & ADDR_MASK, level - 1);
    else if ((e & SHARED) == 0) freeFrame(e & ADDR_MASK);
  }
  freeFrame(table);
}

/**
 * Frees every user frame and user table of `as`, its PML4 and the object
 * itself; the kernel's shared tables stay. The CPU must not be using it.
 */
export function destroyAddressSpace(as: AddressSpace): void {
  if (as.pml4 == 0) {
    free(as);
    return;
  }
  const top = physToVirt(as.pml4);
  for (let i = nextEntry(top, FIRST_USER_SLOT); i <= LAST_USER_SLOT; i = nextEntry(top, i + 1)) {
    const e = load<u64>(top + i * 8);
    if ((e & PRESENT) != 0) freeUser(e & ADDR_MASK, 3);
  }
  freeFrame(as.pml4);
  as.pml4 = 0;
  as.pages = 0;
  free(as);
}
