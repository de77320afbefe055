// Checked calls for test programs that print a verdict per group of calls
// (hostile): check() compares one result with the documented one and prints
// it when it differs, verdict() ends a group with "NAME: GROUP ok" or
// "NAME: GROUP FAILED (N wrong)", and the kernel's memory figures
// (meminfo, tskc only) let a group check that it gave back what it took.

import { printf } from './print';
import { MemInfo, meminfo } from './sys';

const info = new MemInfo();
let program: string = '';
let wrong: i32 = 0; // calls wrong in the current group
let failures: i32 = 0; // groups failed

/** Names the program in every line printed. */
export function checksFor(name: string): void {
  program = name;
}

/** Counts a wrong result and prints it. */
export function check(what: string, got: i64, want: i64): void {
  if (got == want) return;
  printf(`${program}:   ${what}: got ${got}, want ${want}\n`);
  wrong++;
}

/** Ends a group: its verdict line. */
export function verdict(group: string): void {
  if (wrong == 0) printf(`${program}: ${group} ok\n`);
  else {
    printf(`${program}: ${group} FAILED (${wrong} wrong)\n`);
    failures++;
  }
  wrong = 0;
}

/** Ends a group decided by one condition: its verdict line. */
export function verdictIf(group: string, ok: bool): void {
  if (!ok) wrong++;
  verdict(group);
}

/** How many groups failed so far. */
export function groupsFailed(): i32 {
  return failures;
}

/** Free frames now (meminfo's first figure). */
export function freeFrames(): i64 {
  meminfo(info);
  return i64(info.freeFrames);
}

/** Kernel heap bytes in use now (meminfo's third figure). */
export function heapUsed(): i64 {
  meminfo(info);
  return i64(info.heapUsed);
}
