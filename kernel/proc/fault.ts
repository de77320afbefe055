// A CPU exception in ring 3 ends the process that raised it, not the
// kernel (except a page fault that is demand paging: a stack page not yet mapped,
// or a write to a copy-on-write page; stack.ts and cow.ts handle it and the
// program goes on): the report names the process, the exception, and the faulting
// instruction as a TS function and file:line of the user program (from its
// own debug table, read out of the executable in the kernel image), then the
// process exits with status 256 + vector (wait4 reports the signal Linux
// sends for the fault: SIGSEGV, SIGFPE …) and the scheduler goes on. A
// process with a handler for that signal gets the handler instead
// (signal.ts), and no report. Format
// (kept exactly: tests match it):
//
//   crash (pid 3) killed: #PF page fault (vector 14) error=0x…
//     rip=0x400000004123 crash at userland/programs/crash.ts:43
//     cr2=0x0000000000100000
//
// and `  called from 0x… FUNC at FILE:LINE` last when rip
// lies outside the program's code and the user stack holds a return address.
import { consolePutByte, consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { setUserFaultHandler, writeExceptionHead } from '../interrupts/report';
import { writeCodeAddressIn } from '../../runtime/kernel/panic';
import { functionNameIn } from '../../runtime/kernel/symbols';
import { breakCopyOnWrite } from '../mm/cow';
import { copyFromUser } from '../mm/usercopy';
import { elfAddressOf } from './loader';
import { programDebugTable, programElf, programElfBytes } from './programs';
import { currentProcess, exitCurrent, idleRunning } from './sched';
import { deliverFault, faultHandled, signalOfVector } from './signal';
import { growStack } from './stack';
import { trapFrameOf } from './trapframe';

/** Status of a process killed by exception `vector`. */
export const FAULT_STATUS_BASE: i64 = 256;
const word = new Uint64Array(1);

/**
 * When rip is outside the program's code (a jump or call into data), the
 * word at the user rsp is a return address if a call went there: name it.
 */
function calledFrom(table: usize, rsp: u64): void {
  if (copyFromUser(changetype<usize>(word) + 8, rsp, 8) < 0) return;
  const ret = usize(word[0]);
  if (functionNameIn(table, ret - 1).length == 0) return;
  consoleWrite('  called from ');
  writeCodeAddressIn(table, ret, ret - 1, consolePutByte);
  consoleWrite('\n');
}

/** Page-fault error code bit 0: the page was present (a protection fault, not a missing page); bit 1: a write. */
const PF_PRESENT: u64 = 1;
const PF_WRITE: u64 = 2;

/** Whether the page fault with `error` at `addr` was demand paging, now done: a stack page's first touch or a copy-on-write page's first write. */
function pagedIn(error: u64, addr: u64): bool {
  if ((error & PF_PRESENT) == 0) return growStack(addr);
  const space = currentProcess().space;
  return (error & PF_WRITE) != 0 && space !== null && breakCopyOnWrite(space, addr);
}

function userFault(vector: u64, frame: InterruptFrame, error: u64): bool {
  if (idleRunning()) return false; // no process to blame: the kernel report follows
  if (vector == 14 && pagedIn(error, readCr2())) return true; // the instruction runs again
  const p = currentProcess();
  const sig = signalOfVector(i64(vector));
  const addr = vector == 14 ? readCr2() : frame.rip;
  if (faultHandled(p, sig) && deliverFault(p, trapFrameOf(frame), sig, addr, vector)) return true; // its handler runs
  consoleWrite('\n');
  consoleWrite(p.name);
  consoleWrite(' (pid ');
  consoleWriteUint(u64(p.pid));
  consoleWrite(') killed: ');
  writeExceptionHead(vector, error);
  consoleWrite('\n  rip=');
  const i = usize(p.program);
  const table = elfAddressOf(programElf(i), programElfBytes(i), programDebugTable(i));
  writeCodeAddressIn(table, usize(frame.rip), usize(frame.rip), consolePutByte);
  consoleWrite('\n');
  if (vector == 14) {
    consoleWrite('  cr2=');
    consoleWriteHex(readCr2(), 16);
    consoleWrite('\n');
  }
  if (table != 0 && functionNameIn(table, usize(frame.rip)).length == 0) calledFrom(table, frame.rsp);
  exitCurrent(FAULT_STATUS_BASE + i64(vector)); // never returns
}

/** Routes ring-3 exceptions here (report.ts keeps kernel-mode ones). */
export function userFaultsInit(): void {
  setUserFaultHandler(userFault);
}
