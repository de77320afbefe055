// What the kernel does once it is up: start the initrd's shell as the first process
// and run the idle loop, the boot stack's context (pid 0). It hands the CPU
// to ready processes and halts while none is ready; when the last process
// has exited (the shell's `exit`), it starts a new shell.
import { consoleWrite, consoleWriteInt, consoleWriteLine } from '../console/console';
import { enableAndWait } from '../cpu/wait';
import { processCount } from './process';
import { findProgram, programHold } from './programs';
import { othersReady, schedule } from './sched';
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

/** Starts the shell and runs the idle loop forever. */
export function processesStart(): never {
  startShell();
  while (true) {
    cli(); // nothing may become ready between the check and the hlt
    if (processCount() == 0) {
      consoleWriteLine('kernel: the shell exited; starting a new one');
      startShell();
    }
    if (othersReady()) schedule();
    else enableAndWait();
  }
}
