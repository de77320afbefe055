// hostile: system calls as an adversarial program makes them, each result
// checked against docs/syscall-abi.md, and free frames and kernel heap back
// at their exact values after every group (issue #22). One line
// "hostile: NAME ok" (or the calls that were wrong, then "hostile: NAME
// FAILED") per group, then "hostile: done, N failed"; the exit status is N.
//   tables  map/unmap loops leave no page table behind, and the frames a
//           process can take, its page tables included, stop at its cap
//
// tskc only: it checks tskc's documented results, which are not Linux's
// where tskc is stricter (tskc checks that a whole range is mapped before a
// call runs, Linux only that it lies in the user half), and it reads
// meminfo, a call of tskc's own.

import { ENOMEM } from '../../kernel/syscall/numbers';
import { printf } from '../lib/print';
import { exit, isError, MemInfo, meminfo, mmapAnon, munmap } from '../lib/sys';

/** The frames a process may hold, pages and page tables (MAX_USER_PAGES, kernel/proc/process.ts). */
const CAP: u64 = 8192;
const MiB: usize = 1 << 20;

const info = new MemInfo();
let wrong: i32 = 0; // calls wrong in the current group
let failures: i32 = 0; // groups failed

/** Counts a wrong result and prints it. */
function check(what: string, got: i64, want: i64): void {
  if (got == want) return;
  printf(`hostile:   ${what}: got ${got}, want ${want}\n`);
  wrong++;
}

/** Ends a group: its verdict line. */
function verdict(name: string): void {
  if (wrong == 0) printf(`hostile: ${name} ok\n`);
  else {
    printf(`hostile: ${name} FAILED (${wrong} wrong)\n`);
    failures++;
  }
  wrong = 0;
}

/** Free frames now (meminfo's first figure). */
function freeFrames(): i64 {
  meminfo(info);
  return i64(info.freeFrames);
}

/** Heap bytes in use now (meminfo's third figure). */
function heapUsed(): i64 {
  meminfo(info);
  return i64(info.heapUsed);
}

/** `rounds` times: map `len` bytes, touch every page, unmap them; free frames must come back each time. */
function mapLoop(len: usize, rounds: i32): void {
  const before = freeFrames();
  for (let r: i32 = 0; r < rounds; r++) {
    const p = mmapAnon(len);
    if (isError(p)) {
      printf(`hostile:   round ${r} of ${len}-byte maps:\n`);
      return check('mmap', p, 0);
    }
    for (let a: usize = 0; a < len; a += 4096) store<u8>(usize(p) + a, 1);
    check('munmap', munmap(usize(p), len), 0);
    const now = freeFrames();
    if (now != before) {
      printf(`hostile:   round ${r} of ${len}-byte maps:\n`);
      return check('free frames', now, before);
    }
  }
}

/** Maps 1 MiB, then single pages, until -ENOMEM: the frames taken stay within the cap; unmapping returns them all. */
function capCheck(): void {
  const before = freeFrames();
  const first = mmapAnon(MiB);
  if (isError(first)) return check('the first 1 MiB mmap', first, 0);
  let end = usize(first) + MiB;
  let r = mmapAnon(MiB);
  while (!isError(r)) { // mappings are placed upwards, one after the other
    end = usize(r) + MiB;
    r = mmapAnon(MiB);
  }
  r = mmapAnon(4096);
  while (!isError(r)) {
    end = usize(r) + 4096;
    r = mmapAnon(4096);
  }
  check('mmap beyond the cap', r, -ENOMEM);
  const taken = u64(before - freeFrames());
  if (taken > CAP || taken + 64 <= CAP) check('frames taken by mapping up to the cap', i64(taken), i64(CAP));
  check('munmap of everything', munmap(usize(first), end - usize(first)), 0);
  check('free frames after unmapping everything', freeFrames(), before);
}

function tables(): void {
  const heap = heapUsed();
  mapLoop(28 * MiB, 24); // the loop: 14 page tables a round were never freed
  mapLoop(2 * MiB + 4096, 400); // a fresh page table or two every round
  mapLoop(4096, 2000);
  capCheck();
  check('heap bytes in use', heapUsed(), heap);
  verdict('tables');
}

tables();
printf(`hostile: done, ${failures} failed\n`);
exit(failures);
