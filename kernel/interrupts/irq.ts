// Hardware interrupt routing: vectors 0x20–0x2F arrive here as IRQ 0–15
// (vectors.ts). The routing table is this switch, one case per device, as
// in xv6's trap.c; a driver's IRQ body is an ordinary function that runs
// with interrupts disabled and must not block. The timer's tick also drives
// the scheduler (sleepers, time slices), and input wakes console readers. Spurious IRQ 7 and 15 are
// counted and get no EOI (pic.ts); everything else gets its EOI after the
// body, so the same line cannot interrupt its own handler.
import { keyboardDrain, keyboardOnIrq } from '../drivers/keyboard';
import { serialOnIrq } from '../drivers/serial';
import { consoleInputArrived } from '../fs/devices';
import { netTick } from '../net/tick';
import { schedTick } from '../proc/sched';
import { picEoi, picSpurious, picUnmask } from './pic';
import { pitOnIrq, ticks, uptimeMs } from './pit';

export const IRQ_TIMER: u32 = 0;
export const IRQ_KEYBOARD: u32 = 1;
export const IRQ_COM1: u32 = 4;

let spurious: u64 = 0;
let unhandled: u64 = 0;

/** Handles IRQ `irq` (0 … 15); `fromUser`: it interrupted ring-3 code. */
export function irqDispatch(irq: u32, fromUser: bool): void {
  if ((irq == 7 || irq == 15) && picSpurious(irq)) {
    spurious++;
    return;
  }
  if (irq == IRQ_TIMER) {
    pitOnIrq();
    netTick(uptimeMs()); // network timers (kernel/net/tick.ts)
    schedTick(ticks(), fromUser);
  } else if (irq == IRQ_KEYBOARD) {
    keyboardOnIrq();
    consoleInputArrived();
  } else if (irq == IRQ_COM1) {
    serialOnIrq();
    consoleInputArrived();
  } else unhandled++; // a masked line cannot get here; an unmasked one without a case can
  picEoi(irq);
}

/** Spurious IRQ 7 and 15 seen so far. */
export function spuriousIrqs(): u64 {
  return spurious;
}

/** IRQs that arrived with no device to handle them. */
export function unhandledIrqs(): u64 {
  return unhandled;
}

/**
 * Unmasks the timer, keyboard and COM1 lines, then reads whatever the two
 * input devices already hold: the PIC is edge triggered, and a device whose
 * line went up before it was unmasked would never interrupt again.
 */
export function irqEnableDevices(): void {
  picUnmask(IRQ_TIMER);
  picUnmask(IRQ_KEYBOARD);
  picUnmask(IRQ_COM1);
  keyboardDrain();
  serialOnIrq();
}
