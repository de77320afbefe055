// Loads a user program into a fresh address space: the PT_LOAD segments of
// its ELF executable, each page mapped with exactly the segment's rights
// (text read+execute, read-only data and writable data no execute); whole
// read-only pages are mapped straight from the executable in the kernel
// image (shared by every process running it), the others copied, and the
// top page of its user stack, holding the System V start-up block (argc,
// argv, envp, auxv) that the user runtime's _start reads. The rest of the stack is mapped on first touch
// (stack.ts). docs/processes.md, "Spawning and loading".
import { AddressSpace, mapUserFrame, mapUserShared, userRange } from '../mm/aspace';
import { physToVirt, virtToPhys } from '../mm/phys';
import { NO_EXECUTE, walk, WRITABLE } from '../mm/paging';
import { E2BIG, ENOEXEC, ENOMEM } from '../syscall/numbers';

const PT_LOAD: u32 = 1;
const PF_X: u32 = 1;
const PF_W: u32 = 2;
const EM_X86_64: u16 = 62;
const ET_EXEC: u16 = 2;

/**
 * The user stack ends at USER_STACK_TOP, the end of user space's first GiB
 * (USER_START + 1 GiB), so that the program image below it and the stack
 * share their page tables above the last level. It may grow to STACK_PAGES
 * pages; the page below them is never mapped.
 */
export const USER_STACK_TOP: u64 = 0x0000_4000_4000_0000;
export const STACK_PAGES: u64 = 256;
/** The lowest address of the stack area. */
export const USER_STACK_BOTTOM: u64 = 0x0000_4000_3ff0_0000; // USER_STACK_TOP - STACK_PAGES * 4096
/** The most bytes of arguments and environment (strings and pointers) a new program gets. */
export const ARGS_MAX: u64 = 3072;

const block = new Uint64Array(384); // the start-up block (ARGS_MAX bytes at most), built here first

/** Validates the ELF header of the executable at `elf` (`bytes` long); its entry point, or 0. */
function checkHeader(elf: usize, bytes: usize): u64 {
  if (bytes < 64 || load<u32>(elf) != 0x464c457f) return 0; // "\x7fELF"
  if (load<u8>(elf + 4) != 2 || load<u8>(elf + 5) != 1) return 0; // 64-bit, little-endian
  if (load<u16>(elf + 16) != ET_EXEC || load<u16>(elf + 18) != EM_X86_64) return 0;
  if (load<u16>(elf + 54) != 56) return 0; // program header size
  const phoff = load<u64>(elf + 32);
  const phnum = u64(load<u16>(elf + 56));
  if (phoff > u64(bytes) || phnum * 56 > u64(bytes) - phoff) return 0;
  return load<u64>(elf + 24);
}

/** How many bytes of the file land in the page at `p` for a segment at `va` with `fileSize` file bytes. */
function pageBytes(p: u64, va: u64, fileSize: u64): u64 {
  const from = p > va ? p : va;
  const end = va + fileSize < p + 4096 ? va + fileSize : p + 4096;
  return end > from ? end - from : 0;
}

/**
 * Whether the file's bytes from the end of the segment at `ph` up to offset
 * `to` exist and belong to no other PT_LOAD segment: padding, which the
 * segment's last page may then show without copying.
 */
function tailFree(elf: usize, bytes: usize, ph: usize, to: u64): bool {
  if (to > u64(bytes)) return false;
  const from = load<u64>(ph + 8) + load<u64>(ph + 32);
  const phoff = usize(load<u64>(elf + 32));
  const phnum = usize(load<u16>(elf + 56));
  for (let i: usize = 0; i < phnum; i++) {
    const other = elf + phoff + i * 56;
    if (other == ph || load<u32>(other) != PT_LOAD) continue;
    const start = load<u64>(other + 8);
    if (start < to && start + load<u64>(other + 32) > from) return false;
  }
  return true;
}

/**
 * Maps and fills one PT_LOAD segment (its header at `ph`), which must start
 * on a page above `below` (the end of the previous segment: segments come
 * in address order and never share a page, whose rights would clash).
 * Its end rounded up to a page, or -errno.
 */
function loadSegment(as: AddressSpace, elf: usize, bytes: usize, ph: usize, below: u64): i64 {
  const flags = load<u32>(ph + 4);
  const offset = load<u64>(ph + 8);
  const va = load<u64>(ph + 16);
  const fileSize = load<u64>(ph + 32);
  const memSize = load<u64>(ph + 40);
  if (fileSize > memSize || offset > u64(bytes) || fileSize > u64(bytes) - offset) return -ENOEXEC;
  if (memSize == 0) return i64(below);
  if (!userRange(va, memSize) || va + memSize > USER_STACK_BOTTOM - 4096) return -ENOEXEC; // below the stack and its guard page
  if ((va & ~u64(0xfff)) < below) return -ENOEXEC;
  let rights: u64 = (flags & PF_X) != 0 ? 0 : NO_EXECUTE;
  if ((flags & PF_W) != 0) rights |= WRITABLE;
  if ((flags & (PF_W | PF_X)) == (PF_W | PF_X)) return -ENOEXEC; // W^X in user space too
  // A read-only page that is page-aligned in the kernel's copy of the file
  // too is mapped from there instead of copied: whole pages of the segment,
  // and its last page when the segment has no zero-filled tail and what
  // follows it in that page of the file is padding (tailFree).
  const sharable = (flags & PF_W) == 0 && ((u64(elf) + offset - va) & 0xfff) == 0;
  const fileEnd = va + fileSize; // the end of the bytes from the file
  for (let p = va & ~u64(0xfff); p < va + memSize; p += 4096) {
    const n = pageBytes(p, va, fileSize);
    const from = elf + usize(offset + (p > va ? p - va : 0));
    if (sharable && p >= va && (p + 4096 <= fileEnd || (fileSize == memSize && tailFree(elf, bytes, ph, offset + (p - va) + 4096)))) {
      if (!mapUserShared(as, p, virtToPhys(from), rights)) return -ENOMEM;
      continue;
    }
    const whole = p >= va && p + 4096 <= fileEnd; // the copy overwrites all of it: no need to zero first
    const frame = mapUserFrame(as, p, rights, !whole);
    if (frame == 0) return -ENOMEM;
    if (n > 0) memcpy(physToVirt(frame) + usize(p > va ? 0 : va - p), from, usize(n));
  }
  return i64((va + memSize + 0xfff) & ~u64(0xfff));
}

/**
 * Loads the executable at `elf` into `as`, which must be empty. Returns the
 * entry point, or -errno (-ENOEXEC for a malformed file, -ENOMEM). On
 * failure `as` may hold some pages: the caller destroys it.
 */
export function loadElf(as: AddressSpace, elf: usize, bytes: usize): i64 {
  const entry = checkHeader(elf, bytes);
  if (entry == 0) return -ENOEXEC;
  const phoff = usize(load<u64>(elf + 32));
  const phnum = usize(load<u16>(elf + 56));
  let loaded = 0;
  let end: u64 = 0;
  for (let i: usize = 0; i < phnum; i++) {
    const ph = elf + phoff + i * 56;
    if (load<u32>(ph) != PT_LOAD) continue;
    const r = loadSegment(as, elf, bytes, ph, end);
    if (r < 0) return r;
    end = u64(r);
    loaded++;
  }
  if (loaded == 0 || (walk(as.pml4, entry) & NO_EXECUTE) != 0 || walk(as.pml4, entry) == 0) return -ENOEXEC;
  return i64(entry);
}

/** Linux's auxiliary-vector keys: the end, and the page size. */
const AT_NULL: u64 = 0;
const AT_PAGESZ: u64 = 6;

/** Stores in `block` from word `at` pointers to `count` NUL-terminated strings that lie at kernel address `s` and will lie at user address `user`, then a NULL; the word after. */
function pointers(at: i32, s: usize, user: u64, count: u64): i32 {
  let u = user;
  let k = s;
  for (let i: u64 = 0; i < count; i++) {
    block[at] = u;
    at++;
    const start = k;
    while (load<u8>(k) != 0) k++;
    k++;
    u += u64(k - start);
  }
  block[at] = 0;
  return at + 1;
}

/**
 * Maps the top page of the user stack of `as` and writes the System V
 * start-up block: `argc` argument strings and then `envc` environment
 * strings, each NUL-terminated, `bytes` in all at `strings` (ARGS_MAX in
 * all, with the pointers, fits in the page). The block is argc, the argv
 * pointers and a NULL, the envp pointers and a NULL, and the auxiliary
 * vector (AT_PAGESZ, then AT_NULL), as Linux's execve leaves it. Returns
 * the initial rsp (16-byte aligned, pointing at argc), or -errno.
 */
export function setUpStack(as: AddressSpace, strings: usize, bytes: u64, argc: u64, envc: u64): i64 {
  const words = 1 + argc + 1 + envc + 1 + 4;
  if (bytes + words * 8 > ARGS_MAX) return -E2BIG;
  const frame = mapUserFrame(as, USER_STACK_TOP - 4096, WRITABLE | NO_EXECUTE, true);
  if (frame == 0) return -ENOMEM;
  const page = physToVirt(frame) - usize(USER_STACK_TOP - 4096); // + a user address of the page = its kernel address
  const at = (USER_STACK_TOP - bytes) & ~u64(15);
  const sp = (at - words * 8) & ~u64(15);
  memcpy(page + usize(at), strings, usize(bytes));
  block[0] = argc;
  let w = pointers(1, strings, at, argc);
  let envAt = at;
  let s = strings;
  for (let i: u64 = 0; i < argc; i++) { // the environment strings follow the arguments
    while (load<u8>(s) != 0) s++;
    s++;
  }
  envAt += u64(s - strings);
  w = pointers(w, s, envAt, envc);
  block[w] = AT_PAGESZ;
  block[w + 1] = 4096;
  block[w + 2] = AT_NULL;
  block[w + 3] = 0;
  memcpy(page + usize(sp), changetype<usize>(block) + 8, usize(words * 8));
  return i64(sp);
}

/**
 * The kernel address of the byte the executable at `elf` loads at user
 * address `va` (from a PT_LOAD segment's file contents), or 0: how the
 * kernel reads a program's debug table without touching user memory.
 */
export function elfAddressOf(elf: usize, bytes: usize, va: u64): usize {
  if (checkHeader(elf, bytes) == 0) return 0;
  const phoff = usize(load<u64>(elf + 32));
  const phnum = usize(load<u16>(elf + 56));
  for (let i: usize = 0; i < phnum; i++) {
    const ph = elf + phoff + i * 56;
    if (load<u32>(ph) != PT_LOAD) continue;
    const start = load<u64>(ph + 16);
    const fileSize = load<u64>(ph + 32);
    const offset = load<u64>(ph + 8);
    if (va >= start && va - start < fileSize && offset + fileSize <= u64(bytes)) return elf + usize(offset + va - start);
  }
  return 0;
}
