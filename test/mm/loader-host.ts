// Host test of the ELF loader (kernel/proc/loader.ts) over the fake machine:
// executables built byte by byte in "physical memory" are loaded into
// address spaces and checked page by page: rights, which pages are shared
// with the file and which are fresh copies, the zero fill, the start-up
// block on the stack, and every malformed file refused with -ENOEXEC
// (-E2BIG for too many argument bytes). Every frame must come back.
import { AddressSpace, createAddressSpace, setKernelSpace, USER_START } from '../../kernel/mm/aspace';
import { allocFrames, framesFree, freeFrameRun } from '../../kernel/mm/frames';
import { flagsOf, freeTables, newTable, NO_EXECUTE, NOT_MAPPED, translate, USER, WRITABLE } from '../../kernel/mm/paging';
import { physToVirt, virtToPhys } from '../../kernel/mm/phys';
import { destroyAddressSpace } from '../../kernel/mm/teardown';
import { loadElf, setUpStack, USER_STACK_TOP } from '../../kernel/proc/loader';
import { E2BIG, ENOEXEC } from '../../kernel/syscall/numbers';
import { setupFrames } from './hostmap';

const FILE_PAGES: u64 = 8;
const R: u32 = 4;
const W: u32 = 2;
const X: u32 = 1;

let elf: usize = 0; // the file, page-aligned in the arena
let phnum: u16 = 0;

/** Starts a file of FILE_PAGES pages: the ELF header, program headers at 64, every other byte 0xa0 + its page. */
function begin(entry: u64): void {
  for (let p: u64 = 0; p < FILE_PAGES; p++) memset(elf + usize(p * 4096), u8(0xa0 + p), 4096);
  memset(elf, 0, 64 + 56 * 4);
  store<u32>(elf, 0x464c457f);
  store<u8>(elf + 4, 2);
  store<u8>(elf + 5, 1);
  store<u16>(elf + 16, 2);
  store<u16>(elf + 18, 62);
  store<u64>(elf + 24, entry);
  store<u64>(elf + 32, 64);
  store<u16>(elf + 54, 56);
  phnum = 0;
  store<u16>(elf + 56, 0);
}

function segment(flags: u32, offset: u64, va: u64, fileSize: u64, memSize: u64): void {
  const ph = elf + 64 + usize(phnum) * 56;
  store<u32>(ph, 1);
  store<u32>(ph + 4, flags);
  store<u64>(ph + 8, offset);
  store<u64>(ph + 16, va);
  store<u64>(ph + 24, va);
  store<u64>(ph + 32, fileSize);
  store<u64>(ph + 40, memSize);
  store<u64>(ph + 48, 4096);
  phnum++;
  store<u16>(elf + 56, phnum);
}

const BYTES = usize(FILE_PAGES * 4096);

/** Loads the file into a fresh space; the result, with the space left in `space`. */
let space: AddressSpace = new AddressSpace();
function loadIt(bytes: usize): i64 {
  space = createAddressSpace();
  return loadElf(space, elf, bytes);
}

function shared(va: u64, fileOffset: u64): bool {
  return translate(space.pml4, va) == virtToPhys(elf) + fileOffset;
}

/** Whether the user page at va holds the file's bytes [off, off + n) and zeroes after them. */
function holds(va: u64, off: u64, n: u64): bool {
  const phys = translate(space.pml4, va);
  if (phys == NOT_MAPPED) return false;
  const page = physToVirt(phys);
  for (let i: u64 = 0; i < 4096; i++) {
    const want = i < n ? load<u8>(elf + usize(off + i)) : 0;
    if (load<u8>(page + usize(i)) != want) return false;
  }
  return true;
}

function refused(what: string, bytes: usize): void {
  assert(loadIt(bytes) == -ENOEXEC, what);
  destroyAddressSpace(space);
}

setupFrames();
const kernel = newTable();
setKernelSpace(kernel);
const baseline = framesFree();
elf = physToVirt(allocFrames(FILE_PAGES));
const T = USER_START;

// A well-formed file, laid out as `-z separate-loadable-segments` does: the
// text's last page is shared (the rest of its file page is padding), the
// data is copied and zero-filled.
begin(T + 0x2010);
segment(R, 0, T, 0x1234, 0x1234);
segment(R | X, 0x2000, T + 0x2000, 0x1800, 0x1800);
segment(R | W, 0x4000, T + 0x4000, 0x18, 0x2538);
assert(loadIt(BYTES) == i64(T + 0x2010), 'entry point');
assert(shared(T, 0) && shared(T + 0x1000, 0x1000), 'rodata pages not shared');
assert(shared(T + 0x2000, 0x2000) && shared(T + 0x3000, 0x3000), 'text pages (the last one partial) not shared');
assert((flagsOf(space.pml4, T) & NO_EXECUTE) != 0 && (flagsOf(space.pml4, T) & WRITABLE) == 0, 'rodata rights');
assert((flagsOf(space.pml4, T + 0x3000) & (NO_EXECUTE | WRITABLE)) == 0 && (flagsOf(space.pml4, T + 0x3000) & USER) != 0, 'text rights');
for (let p: u64 = 0x4000; p < 0x7000; p += 0x1000) {
  assert(flagsOf(space.pml4, T + p) == (WRITABLE | NO_EXECUTE | USER), 'data rights');
  assert(holds(T + p, 0x4000, p == 0x4000 ? 0x18 : 0), 'data not copied and zero-filled');
}
assert(translate(space.pml4, T + 0x7000) == NOT_MAPPED, 'a page beyond the data');
assert(space.pages == 3, 'shared pages counted as owned');

// The start-up block: argc, argv, NULL, envp, NULL, AT_PAGESZ 4096, AT_NULL, with the strings above.
const args = memory.data(16);
store<u64>(args, 0x0069_6800_6f6f66); // "foo\0hi\0"
store<u32>(args + 7, 0x003d_61); // "a=\0"
const sp = setUpStack(space, args, 10, 2, 1);
assert(sp > 0 && (sp & 15) == 0, 'stack pointer');
const top = physToVirt(translate(space.pml4, USER_STACK_TOP - 4096)) - usize(USER_STACK_TOP - 4096);
assert(load<u64>(top + usize(sp)) == 2, 'argc');
const argv0 = load<u64>(top + usize(sp) + 8);
const argv1 = load<u64>(top + usize(sp) + 16);
assert(load<u32>(top + usize(argv0)) == 0x006f6f66 && load<u16>(top + usize(argv1)) == 0x6968, 'argv strings');
assert(load<u64>(top + usize(sp) + 24) == 0, 'argv NULL');
const env0 = load<u64>(top + usize(sp) + 32);
assert(env0 == argv1 + 3 && load<u16>(top + usize(env0)) == 0x3d61, 'envp string after the arguments');
assert(load<u64>(top + usize(sp) + 40) == 0, 'envp NULL');
assert(load<u64>(top + usize(sp) + 48) == 6 && load<u64>(top + usize(sp) + 56) == 4096, 'auxv AT_PAGESZ');
assert(load<u64>(top + usize(sp) + 64) == 0 && load<u64>(top + usize(sp) + 72) == 0, 'auxv AT_NULL');
destroyAddressSpace(space);
space = createAddressSpace();
assert(setUpStack(space, args, 3010, 2, 0) == -E2BIG, 'too many argument bytes');
destroyAddressSpace(space);

// Segments packed without padding: the text's last page also holds the
// data's file bytes, so it is copied (only the text's bytes, then zeroes),
// and the data's first page is its own copy.
begin(T + 0x2010);
segment(R, 0, T, 0x1234, 0x1234);
segment(R | X, 0x2000, T + 0x2000, 0x1800, 0x1800);
segment(R | W, 0x3800, T + 0x4800, 0x100, 0x100);
assert(loadIt(BYTES) > 0, 'packed file');
assert(shared(T + 0x2000, 0x2000) && !shared(T + 0x3000, 0x3000), 'a tail page with another segment\'s bytes shared');
assert(holds(T + 0x3000, 0x3000, 0x800), 'the copied tail page shows bytes beyond the segment');
destroyAddressSpace(space);
// The file ends inside the text's last page: copied, never read beyond the file.
begin(T + 0x2010);
segment(R, 0, T, 0x1234, 0x1234);
segment(R | X, 0x2000, T + 0x2000, 0x1100, 0x1100);
assert(loadIt(0x3100) > 0 && !shared(T + 0x3000, 0x3000) && holds(T + 0x3000, 0x3000, 0x100), 'a file that ends mid-page');
destroyAddressSpace(space);

// Malformed files.
begin(T + 0x2010);
segment(R | X, 0x2000, T + 0x2000, 0x100, 0x100);
store<u32>(elf, 0x464c457e);
refused('bad magic', BYTES);
begin(T + 0x2010);
segment(R | W | X, 0x2000, T + 0x2000, 0x100, 0x100);
refused('a writable and executable segment', BYTES);
begin(T + 0x2010);
segment(R | X, 0x2000, T + 0x2000, 0x100, 0x100);
segment(R, 0, T + 0x2800, 0x100, 0x100);
refused('two segments in one page', BYTES);
begin(T + 0x2010);
segment(R | X, 0x2000, T + 0x2000, 0x100, 0x100);
segment(R, 0, T, 0x100, 0x100);
refused('segments out of order', BYTES);
begin(T + 0x2010);
segment(R | X, 0x2000, T + 0x2000, 0x200, 0x100);
refused('file size above memory size', BYTES);
begin(T + 0x2010);
segment(R | X, 0x2000, T + 0x2000, 0x7000, 0x7000);
refused('a segment beyond the file', BYTES);
begin(T + 0x10);
segment(R, 0, T, 0x100, 0x100);
refused('an entry point that is not executable', BYTES);
begin(0x1000);
segment(R | X, 0x2000, 0x1000, 0x100, 0x100);
refused('a segment in kernel space', BYTES);
begin(T + 0x2010);
refused('no loadable segment', BYTES);

freeFrameRun(virtToPhys(elf), FILE_PAGES);
freeTables(kernel);
assert(framesFree() == baseline + 1, 'the loader leaked frames'); // + the kernel table, taken after the baseline
console.log('loader ok');
