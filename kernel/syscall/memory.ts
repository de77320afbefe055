// mmap (anonymous memory only), munmap and meminfo. Anonymous mappings are
// placed by the kernel, upwards from MMAP_BASE, as zeroed pages that are
// never executable (W^X: PROT_EXEC is refused); a PROT_NONE mapping takes
// its addresses but maps nothing, so every access faults; a process holds at most
// MAX_USER_PAGES frames, its page tables included (the space's limit,
// aspace.ts). munmap works on the mmap area only, and frees the page tables
// it leaves empty.
import { chargeRoom, mapUser, unmapUserRange, USER_END } from '../mm/aspace';
import { framesFree, framesTotal } from '../mm/frames';
import { kstackCachedFrames } from '../proc/kstack';
import { programCachedFrames } from '../proc/programs';
import { heapBytesInUse, heapFrames } from '../mm/heap';
import { NO_EXECUTE, WRITABLE } from '../mm/paging';
import { copyToUser } from '../mm/usercopy';
import { MAX_USER_PAGES, MMAP_BASE } from '../proc/process';
import { currentProcess } from '../proc/sched';
import { EINVAL, ENOMEM, MAP_ANONYMOUS, MAP_PRIVATE, MEMINFO_SIZE, PROT_EXEC, PROT_READ, PROT_WRITE } from './numbers';

const MAP_SHARED: u64 = 0x01;
const MAP_FIXED: u64 = 0x10;
const info = new Uint64Array(4);

/** mmap(addr, len, prot, flags, fd, offset): the address of `len` fresh zeroed bytes (whole pages), or -errno. */
export function sysMmap(addr: u64, len: u64, prot: u64, flags: u64, fd: i64, offset: u64): i64 {
  if ((offset & 0xfff) != 0) return -EINVAL; // as Linux, even though an anonymous mapping does not use it
  if (len == 0 || (prot & ~u64(PROT_READ | PROT_WRITE | PROT_EXEC)) != 0) return -EINVAL;
  if ((prot & u64(PROT_EXEC)) != 0) return -EINVAL; // no user page is both writable and executable, and nothing else can be mapped
  if ((flags & u64(MAP_ANONYMOUS)) == 0 || (flags & MAP_FIXED) != 0) return -EINVAL;
  if (((flags & MAP_SHARED) != 0) == ((flags & u64(MAP_PRIVATE)) != 0)) return -EINVAL; // exactly one of the two
  const p = currentProcess();
  const space = p.space!;
  if (len > MAX_USER_PAGES * 4096) return -ENOMEM;
  const pages = (len + 4095) >> 12;
  if (p.mmapNext + pages * 4096 > USER_END) return -ENOMEM;
  const start = p.mmapNext;
  if ((prot & u64(PROT_READ | PROT_WRITE)) == 0) { // PROT_NONE: addresses only, no frame charged; any access faults
    p.mmapNext = start + pages * 4096;
    return i64(start);
  }
  if (pages > chargeRoom(space)) return -ENOMEM;
  const rights: u64 = (prot & u64(PROT_WRITE)) != 0 ? WRITABLE | NO_EXECUTE : NO_EXECUTE;
  for (let i: u64 = 0; i < pages; i++) {
    if (!mapUser(space, start + i * 4096, rights)) {
      unmapUserRange(space, start, start + (i + 1) * 4096); // with the tables made for them
      return -ENOMEM;
    }
  }
  p.mmapNext = start + pages * 4096;
  return i64(start);
}

/** munmap(addr, len): unmaps and frees the pages of [addr, addr + len) in the mmap area, and the tables left empty. */
export function sysMunmap(addr: u64, len: u64): i64 {
  const p = currentProcess();
  if ((addr & 0xfff) != 0 || len == 0 || addr < MMAP_BASE || addr >= p.mmapNext) return -EINVAL;
  let end = p.mmapNext;
  if (len < end - addr) end = (addr + len + 4095) & ~u64(0xfff);
  unmapUserRange(p.space!, addr, end);
  return 0;
}

/** meminfo(buf): free frames, total frames, heap bytes in use, heap bytes free. */
export function sysMeminfo(buf: u64): i64 {
  info[0] = framesFree() + kstackCachedFrames() + programCachedFrames(); // the cached stacks and idle programs are free memory on demand
  info[1] = framesTotal();
  info[2] = heapBytesInUse();
  info[3] = heapFrames() * 4096 - heapBytesInUse();
  return copyToUser(buf, changetype<usize>(info) + 8, u64(MEMINFO_SIZE));
}
