// {{NAME}}: a kernel of your own, written in TypeScript with tskc. It boots
// on tskc's kernel library (`tskc/kernel/…`: drivers, memory, processes,
// system calls), prints its banner, installs an interrupt handler of its
// own, runs the user program `hello` (programs/hello.ts) in ring 3 and
// halts when it has exited. README.md says how to grow it.
import { consoleWrite, consoleWriteHex, consoleWriteLine, consoleWriteUint } from 'tskc/kernel/console/console';
import { gdtInit, TSS_SELECTOR } from 'tskc/kernel/cpu/gdt';
import { perCpuInit } from 'tskc/kernel/cpu/percpu';
import { tssInit } from 'tskc/kernel/cpu/tss';
import { enableAndWait } from 'tskc/kernel/cpu/wait';
import { serialInit } from 'tskc/kernel/drivers/serial';
import { vgaInit } from 'tskc/kernel/drivers/vga';
import { idtInit, idtSetGate } from 'tskc/kernel/interrupts/idt';
import { irqEnableDevices } from 'tskc/kernel/interrupts/irq';
import { picInit } from 'tskc/kernel/interrupts/pic';
import { pitInit } from 'tskc/kernel/interrupts/pit';
import { mmInit } from 'tskc/kernel/mm/init';
import { userFaultsInit } from 'tskc/kernel/proc/fault';
import { initrdLoad } from 'tskc/kernel/proc/initrd';
import { kstackInit } from 'tskc/kernel/proc/kstack';
import { processCount } from 'tskc/kernel/proc/process';
import { findProgram } from 'tskc/kernel/proc/programs';
import { othersReady, schedInit, schedule } from 'tskc/kernel/proc/sched';
import { spawnProgram } from 'tskc/kernel/proc/spawn';
import { stackFaultInInit } from 'tskc/kernel/proc/stack';
import { syscallInit } from 'tskc/kernel/syscall/entry';

/** The vector of this kernel's own interrupt: `int 0x81` rings it. */
const DOORBELL: usize = 0x81;
let doorbells: u64 = 0;

/** An interrupt handler of this kernel's own: tskc generates its entry and `iretq`. @interrupt */
function onDoorbell(frame: InterruptFrame): void {
  doorbells++;
  consoleWrite('{{NAME}}: interrupt 0x81 handled (');
  consoleWriteUint(doorbells);
  consoleWrite(' so far), from rip ');
  consoleWriteHex(frame.rip);
  consoleWriteLine('');
}

/** Starts program `name` (one the image carries) with argv = [name]. */
function start(name: string): void {
  // A string is its length (8 bytes) and then its bytes, NUL-terminated for literals.
  const bytes = changetype<usize>(name) + 8;
  const index = findProgram(bytes, usize(name.length));
  if (index < 0 || spawnProgram(usize(index), bytes, u64(name.length + 1), 1) === null) {
    throw new Error('cannot start a program');
  }
}

perCpuInit(); // GS: this CPU's data while in the kernel; first, as everything that asks for the current CPU reads it
schedInit(); // the boot CPU's idle context becomes its current process
serialInit(); // COM1: the console goes to the serial line (and the screen after vgaInit)
vgaInit();
consoleWriteLine('{{NAME}}: hello from a kernel of my own');
gdtInit(); // kernel and user segments
tssInit(TSS_SELECTOR); // the stacks ring 3 enters the kernel on
idtInit(); // every CPU exception reported with its TypeScript location
idtSetGate(DOORBELL, changetype<u64>(onDoorbell), 0);
asm('int 0x81'); // ring our own interrupt once
mmInit(); // memory map, frames, the heap behind `new`, page tables
picInit();
pitInit(); // the timer: 100 Hz, for preemption
irqEnableDevices();
syscallInit(); // syscall/sysret: ring 3 calls the kernel
userFaultsInit();
stackFaultInInit();
kstackInit();
initrdLoad(); // the programs of the image's initrd (programs/*.ts) in the program table
sti();

start('hello');
while (processCount() > 0) {
  cli(); // nothing may become ready between the check and the wait
  if (othersReady()) schedule();
  else enableAndWait();
}
consoleWriteLine('{{NAME}}: every program has exited; halting');
while (true) {
  cli();
  hlt();
}
