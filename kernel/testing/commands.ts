// The commands a test build accepts on its console (typed lines, usually
// over the serial line), so QEMU tests can make the kernel fault or report
// its state. Each command answers with one line the test waits for:
//
//   fault de | ud | gp | pf | stack   raise that CPU exception in kernel code
//                                     (stack: unbounded recursion into the guard page)
//   fault wx  write a byte into the kernel's .text (read-only: a #PF)
//   fault nx  call a `ret` in a heap block (no-execute: a #PF); first
//             answers "nx code at 0x…", the block's address
//   irq7      a software `int 0x27` with IRQ 7 not in service: a spurious IRQ 7
//             answer: "spurious irqs N"
//   uptime    answer: "uptime T ticks M ms"
//   keys      answer: "keyboard received N dropped D"
//   library   the standard library on the kernel heap (kernel/testing/library.ts); more in storage.ts
//   madt      hand-made malformed MADTs parsed, one verdict each (kernel/testing/acpi.ts)
//   spin …    spinlocks and their test-build checks (kernel/testing/spin.ts)
//   cpus      each CPU's timer ticks (kernel/testing/cpus.ts); `cpus panic`: a panic on CPU 1 stops CPU 0; `cpus tlb [off]`: tlb.ts; `cpus ipi`: ipi.ts
import { consoleWrite, consoleWriteHex, consoleWriteUint } from '../console/console';
import { keyboardRx } from '../drivers/keyboard';
import { spuriousIrqs } from '../interrupts/irq';
import { ticks, uptimeMs } from '../interrupts/pit';
import { kmalloc } from '../mm/heap';
import { libraryCommand } from './library';
import { madtCommand } from './acpi';
import { spinCommand } from './spin';
import { cpusCommand, cpusPanicCommand } from './cpus';
import { storageCommand } from './storage';
/** An address no page table maps (above every RAM mapping, canonical). */
const UNMAPPED: usize = 0x7000_0000_1008;
const NON_CANONICAL: usize = 0x8000_0000_0000_0000;

/** Whether the first `length` bytes of `line` are exactly `word`. */
function is(line: Uint8Array, length: i32, word: string): bool {
  if (length != word.length) return false;
  for (let i: i32 = 0; i < length; i++) if (i32(line[i]) != word.charCodeAt(i)) return false;
  return true;
}

function faultDivide(): void {
  asm('xor edx, edx', 'xor ecx, ecx', 'mov eax, 1', 'div ecx', asm.clobber('rax', 'rcx', 'rdx'));
}

function faultInvalidOpcode(): void {
  ud2();
}

function faultGeneralProtection(): u64 {
  return volatileLoad<u64>(NON_CANONICAL); // volatile: an unused plain load may be optimised away
}

function faultPage(): void {
  store<u64>(UNMAPPED, 1);
}

/** Writes into its own code: .text is mapped read-only even for ring 0 (CR0.WP). */
function faultWriteText(): void {
  store<u8>(changetype<usize>(faultWriteText), 0x90);
}

/** Calls a `ret` written into a heap block: the heap is mapped no-execute. */
function faultExecuteHeap(): void {
  const code = kmalloc(16);
  store<u8>(code, 0xc3);
  consoleWrite('nx code at ');
  consoleWriteHex(u64(code));
  consoleWrite('\n');
  asm('call {code}', asm.in('reg', code), asm.clobberAbi('sysv'));
}

/** Recurses until the boot stack runs into its guard page. */
function recurse(depth: u64): u64 {
  return recurse(depth + 1) + depth;
}

function line(label: string, v: u64): void {
  consoleWrite(label);
  consoleWriteUint(v);
}

/** Runs the command in `text`; false if it is none. */
export function testCommand(text: Uint8Array, length: i32): bool {
  if (is(text, length, 'fault de')) faultDivide();
  else if (is(text, length, 'fault ud')) faultInvalidOpcode();
  else if (is(text, length, 'fault gp')) faultGeneralProtection();
  else if (is(text, length, 'fault pf')) faultPage();
  else if (is(text, length, 'fault stack')) recurse(0);
  else if (is(text, length, 'fault wx')) faultWriteText();
  else if (is(text, length, 'fault nx')) faultExecuteHeap();
  else if (is(text, length, 'irq7')) {
    asm('int 0x27');
    line('spurious irqs ', spuriousIrqs());
    consoleWrite('\n');
  } else if (is(text, length, 'uptime')) {
    cli(); // one reading: a tick between the two would make them disagree
    const t = ticks();
    const ms = uptimeMs();
    sti();
    line('uptime ', t);
    line(' ticks ', ms);
    consoleWrite(' ms\n');
  } else if (is(text, length, 'library')) libraryCommand();
  else if (is(text, length, 'madt')) madtCommand();
  else if (is(text, length, 'console whole')) consoleWholeCommand();
  else if (is(text, length, 'cpus')) cpusCommand();
  else if (is(text, length, 'cpus panic')) cpusPanicCommand();
  else if (is(text, length, 'cpus tlb')) cpusTlbCommand(true);
  else if (is(text, length, 'cpus tlb off')) cpusTlbCommand(false);
  else if (is(text, length, 'cpus ipi')) cpusIpiCommand();
  else if (is(text, length, 'keys')) {
    line('keyboard received ', u64(keyboardRx.head));
    line(' dropped ', keyboardRx.dropped);
    consoleWrite('\n');
  } else if (startsWith(text, length, 'netfaults ')) { // netfaults SEED PERMILLE (netfaults.ts); answer: "netfaults on"
    const seed = numberAt(text, length, 10);
    netFaultsStart(seed, numberAt(text, length, 10 + digits(seed)));
    consoleWrite('netfaults on\n');
  } else if (startsWith(text, length, 'txburst ')) txBurstCommand(u32(numberAt(text, length, 8))); // txburst.ts
  else return storageCommand(text, length) || spinCommand(text, length) || sleepLockCommand(text, length);
  return true;
}

// The network's test command, below the fault commands so that their lines stay where the docs cite them.
import { netFaultsStart } from './netfaults';
import { cpusTlbCommand } from './tlb';
import { consoleWholeCommand } from './console'; // `console whole`: a long write with a timer message due inside it
import { cpusIpiCommand } from './ipi'; // `cpus ipi`: IPI round trips to a halted CPU 1
import { sleepLockCommand } from './sleeplock'; // `sleeplock …`: sleeping locks' legal uses and misuse panics
import { txBurstCommand } from './txburst'; // `txburst N`: the virtio-net transmit backlog, filled and drained

function startsWith(line: Uint8Array, length: i32, word: string): bool {
  if (length < word.length) return false;
  for (let i: i32 = 0; i < word.length; i++) if (i32(line[i]) != word.charCodeAt(i)) return false;
  return true;
}

/** The decimal number at `at` in `line` (0 when none). */
function numberAt(line: Uint8Array, length: i32, at: i32): u64 {
  let v: u64 = 0;
  for (let i = at; i < length && line[i] >= 48 && line[i] <= 57; i++) v = v * 10 + u64(line[i] - 48);
  return v;
}

/** The digits of `v` and the space after them. */
function digits(v: u64): i32 {
  let n: i32 = 1;
  for (let x = v; x >= 10; x /= 10) n++;
  return n + 1;
}
