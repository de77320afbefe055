// Waiting for a device to finish something. A process sleeps on the wait
// queue the device's interrupt handler wakes; the idle context (the boot
// stack: init steps, the test build's console commands) cannot sleep, so
// it halts until an interrupt instead, letting the big kernel lock go
// meanwhile (kernel/cpu/bkl.ts). Either way the caller runs with
// interrupts off, re-checks its condition in a loop, and gets interrupts
// off back:
//
//   while (!request.done) waitForDevice(request.wait);
//
// docs/storage.md, "Virtio".
import { bklIdleWait } from '../cpu/bkl';
import { WaitQueue } from './process';
import { idleRunning } from './sched';
import { sleepOn } from './waitqueue';

/** Blocks until the next wake-up of `q` (a process) or the next interrupt (the idle context); interrupts must be off. */
export function waitForDevice(q: WaitQueue): void {
  if (idleRunning()) bklIdleWait();
  else sleepOn(q);
}
