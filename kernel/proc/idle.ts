// What the kernel does once it is up: start the initrd's shell as the first process
// and run the idle loop, the boot stack's context (pid 0; each AP runs one
// on its own start-up stack). It hands the CPU
// to ready processes and halts while none is ready; when the last process
// has exited (the shell's `exit`), it starts a new shell.
import { consoleWrite, consoleWriteInt, consoleWriteLine } from '../console/console';
import { bklAcquire, bklIdleWait } from '../cpu/bkl';
import { processCount } from './process';
import { findProgram, programHold } from './programs';
import { othersReady, schedule } from './sched';
import { wakeIdleMark } from '../smp/wake';
import { spawnError, spawnProgram } from './spawn';

const SHELL = 'shell';

function startShell(): void {
  const index = findProgram(changetype<usize>(SHELL) + 8, usize(SHELL.length));
  if (index < 0) throw new Error('no shell program in the initrd');
  programHold(index);
  // argv = ["shell"]: the name with its NUL, straight from the string literal.
  if (spawnProgram(usize(index), changetype<usize>(SHELL) + 8, u64(SHELL.length + 1), 1) === null) {
    consoleWrite('kernel: cannot start the shell: errno ');
    consoleWriteInt(-spawnError());
    consoleWriteLine('; halting');
    while (true) {
      cli();
      hlt();
    }
  }
}

/**
 * A CPU's idle loop, with the big kernel lock held except while it halts:
 * runs the ready processes, and on the boot CPU (`boot`) starts a new shell
 * when the last process has exited.
 */
function idleLoop(boot: bool): never {
  while (true) {
    cli(); // interrupts come back off with the lock after a switch back here
    if (boot && processCount() == 0) {
      consoleWriteLine('kernel: the shell exited; starting a new one');
      startShell();
    }
    if (othersReady()) schedule();
    else {
      wakeIdleMark(true); // a process made ready meanwhile sends this CPU the wake-up IPI (kernel/smp/wake.ts)
      bklIdleWait();
      wakeIdleMark(false);
    }
  }
}

/** Starts the shell and runs the boot CPU's idle loop forever (it holds the big kernel lock from the boot on). */
export function processesStart(): never {
  startShell();
  idleLoop(true);
}

/** An AP's idle loop, once it has reported in (interrupts off): it takes the big kernel lock and runs processes as its idle context (schedIdleFor). */
export function apProcessesStart(): never {
  bklAcquire();
  idleLoop(false);
}
