// The report of a CPU exception in kernel mode, on the console (screen and
// serial), then the end of the kernel (kernelStop: a test build exits QEMU
// with a failure status, a normal build halts with the report on screen).
// The format is matched by tests; keep it exactly:
//
//   kernel exception: #PF page fault (vector 14) error=0x0000000000000002
//     rip=0x101234 faultPage at kernel/testing/commands.ts:40
//     cr2=0x0000700000001008
//     rax=0x… rbx=0x… rcx=0x…              (five lines of registers)
//     …
//     stack:                               (then the callers, innermost first)
//       #0 0x… function at file:line
//
// `cr2=` is printed for #PF and #DF (a double fault is most often a fault
// while delivering a #PF, e.g. a stack overflow), followed by
// `  guard page of STACK hit` when CR2 lies in a stack's guard page. A #PF
// on an instruction fetch outside the kernel's code (NX: rip is the data
// that was called, `??`) adds `  called from 0x… FUNCTION at FILE:LINE`
// when the word at rsp is a return address into TS code: the call.
import { consolePutByte, consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { kernelStop } from '../config';
import { bklAcquire, bklRelease } from '../cpu/bkl';
import { guardPageOf } from '../cpu/guard';
import { smpStopOthers } from '../smp/stop';
import { writeBacktrace, writeCodeAddressTo } from '../../runtime/kernel/panic';
import { functionName } from '../../runtime/kernel/symbols';

/** The page-fault error code bit of an instruction fetch. */
const PF_FETCH: u64 = 0x10;

let reporting = false;
let userFault: ((vector: u64, frame: InterruptFrame, error: u64) => bool) | null = null;

/**
 * Sets what handles exceptions raised in ring 3 (kernel/proc/fault.ts: map a
 * stack page and return true to resume, or kill the process). It returns
 * false only when there is no process to blame.
 */
export function setUserFaultHandler(h: (vector: u64, frame: InterruptFrame, error: u64) => bool): void {
  userFault = h;
}

/** The mnemonic and name of exception `vector`. */
export function exceptionName(vector: u64): string {
  switch (vector) {
    case 0: return '#DE divide error';
    case 1: return '#DB debug';
    case 2: return 'NMI non-maskable interrupt';
    case 3: return '#BP breakpoint';
    case 4: return '#OF overflow';
    case 5: return '#BR bound range exceeded';
    case 6: return '#UD invalid opcode';
    case 7: return '#NM device not available';
    case 8: return '#DF double fault';
    case 9: return 'coprocessor segment overrun';
    case 10: return '#TS invalid TSS';
    case 11: return '#NP segment not present';
    case 12: return '#SS stack-segment fault';
    case 13: return '#GP general protection';
    case 14: return '#PF page fault';
    case 16: return '#MF x87 floating-point error';
    case 17: return '#AC alignment check';
    case 18: return '#MC machine check';
    case 19: return '#XM SIMD floating-point error';
    case 20: return '#VE virtualization exception';
    case 21: return '#CP control protection';
    case 28: return '#HV hypervisor injection';
    case 29: return '#VC VMM communication';
    case 30: return '#SX security exception';
    default: return 'reserved exception';
  }
}

function reg(name: string, v: u64): void {
  consoleWrite('  ');
  consoleWrite(name);
  consoleWrite('=');
  consoleWriteHex(v, 16);
}

/** After a fetch from non-code memory: the call that went there, if [rsp] is a return address into TS code. */
function calledFrom(frame: InterruptFrame): void {
  if ((frame.cs & 3) != 0 || (frame.rsp & 7) != 0) return; // a user stack is not the kernel's to read
  if (functionName(usize(frame.rip)).length > 0) return;
  const ret = load<usize>(usize(frame.rsp));
  if (functionName(ret - 1).length == 0) return;
  consoleWrite('  called from ');
  writeCodeAddressTo(ret, ret - 1, consolePutByte);
  consoleWrite('\n');
}

function registers(frame: InterruptFrame): void {
  const r = savedRegisters(frame);
  reg('rax', r.rax); reg('rbx', r.rbx); reg('rcx', r.rcx); consoleWrite('\n');
  reg('rdx', r.rdx); reg('rsi', r.rsi); reg('rdi', r.rdi); consoleWrite('\n');
  reg('rbp', r.rbp); reg('rsp', frame.rsp); reg('r8', r.r8); consoleWrite('\n');
  reg('r9', r.r9); reg('r10', r.r10); reg('r11', r.r11); consoleWrite('\n');
  reg('r12', r.r12); reg('r13', r.r13); reg('r14', r.r14); consoleWrite('\n');
  reg('r15', r.r15); reg('rflags', frame.rflags); consoleWrite('\n');
  reg('cs', frame.cs); reg('ss', frame.ss); reg('cr3', readCr3()); consoleWrite('\n');
}

/** Writes `#PF page fault (vector 14) error=0x…`: the head line of an exception report, after its subject. */
export function writeExceptionHead(vector: u64, error: u64): void {
  consoleWrite(exceptionName(vector));
  consoleWrite(' (vector ');
  consoleWriteUint(vector);
  consoleWrite(') error=');
  consoleWriteHex(error, 16);
}

/** Reports exception `vector` raised in the kernel and stops the kernel; one raised in ring 3 goes to the user fault handler. */
export function exceptionReport(vector: u64, frame: InterruptFrame, error: u64): void {
  const handler = userFault;
  if ((frame.cs & 3) == 3 && handler !== null) {
    bklAcquire(); // kernel/cpu/bkl.ts: an entry from ring 3
    if (handler(vector, frame, error)) {
      bklRelease();
      return; // resumes the program
    }
  }
  if (reporting) kernelStop(); // the report itself faulted: nothing more can be said
  reporting = true;
  smpStopOthers(); // the other CPUs halt first (kernel/smp/stop.ts)
  consoleWrite('\nkernel exception: ');
  writeExceptionHead(vector, error);
  consoleWrite('\n  rip=');
  writeCodeAddressTo(usize(frame.rip), usize(frame.rip), consolePutByte);
  consoleWrite('\n');
  if (vector == 14 || vector == 8) {
    const cr2 = readCr2();
    reg('cr2', cr2);
    consoleWrite('\n');
    const stack = guardPageOf(cr2);
    if (stack.length > 0) {
      consoleWrite('  guard page of ');
      consoleWrite(stack);
      consoleWrite(' hit: stack overflow\n');
    }
  }
  if (vector == 14 && (error & PF_FETCH) != 0) calledFrom(frame);
  registers(frame);
  consoleWrite('  stack:\n');
  writeBacktrace(usize(savedRegisters(frame).rbp)); // serial only: the panic writer
  kernelStop();
}
