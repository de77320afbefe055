// Hardware interrupt routing: vectors 0x20–0x2F arrive here as IRQ 0–15
// (vectors.ts) and go through the IRQ handler table. A driver registers
// for its line (irqRegister) with a handler and a word of its own data;
// a line may have several owners (PCI lines are shared), and every owner
// of the line is called in registration order. A handler returns whether
// its device raised the interrupt; when no owner claims one it is counted
// per line and reported once, and a line with no owner at all is masked
// (a level-triggered PCI line would otherwise interrupt forever).
// Handlers run with interrupts disabled and must not block; they may wake
// wait queues. Spurious IRQ 7 and 15 are counted and get no EOI (pic.ts);
// everything else gets its EOI after the handlers, so the same line cannot
// interrupt its own handler. The lines come through the 8259s until
// smpInit moves them to the I/O APIC (irqUseIoApic, kernel/smp/ioapic.ts):
// masking then goes there and the EOI to the local APIC.
// docs/interrupts.md, "IRQ handler table".
import { consoleWrite, consoleWriteUint } from '../console/console';
import { isTestBuild } from '../config';
import { consoleTestTick } from '../testing/console';
import { keyboardDrain, keyboardOnIrq } from '../drivers/keyboard';
import { serialOnIrq } from '../drivers/serial';
import { consoleInputArrived } from '../fs/devices';
import { netTick } from '../net/tick';
import { schedTick } from '../proc/sched';
import { ioapicMask, ioapicUnmask } from '../smp/ioapic';
import { lapicEoi } from '../smp/lapic';
import { picEoi, picMask, picMaskAll, picSpurious, picUnmask } from './pic';
import { pitOnIrq, ticks, uptimeMs } from './pit';

export const IRQ_TIMER: u32 = 0;
export const IRQ_KEYBOARD: u32 = 1;
export const IRQ_COM1: u32 = 4;
export const IRQ_LINES: u32 = 16;
/** The most owners one line has. */
export const IRQ_MAX_OWNERS: u32 = 4;

/** An owner's handler: `data` is the word it registered with; returns true if its device raised the interrupt. */
export type IrqHandler = (data: u64) => bool;

const handlers = new Array<IrqHandler | null>(64); // IRQ_LINES * IRQ_MAX_OWNERS, line-major
const handlerData = new Uint64Array(64);
const ownerNames = new Array<string | null>(64);
const unhandledPerLine = new Uint64Array(16);
const handledPerLine = new Uint64Array(16);

let spurious: u64 = 0;
let unhandled: u64 = 0;
let fromUserNow = false;
/** Whether the lines come through the I/O APIC (irqUseIoApic) rather than the 8259s. */
let viaIoApic = false;

function lineUnmask(irq: u32): void {
  if (viaIoApic) ioapicUnmask(irq);
  else picUnmask(irq);
}

function lineMask(irq: u32): void {
  if (viaIoApic) ioapicMask(irq);
  else picMask(irq);
}

/**
 * Moves the lines from the 8259s to the I/O APIC, which ioapicInit has
 * programmed with every line masked: the 8259s are masked for good, each
 * line with an owner is unmasked there, and the input devices are read
 * once more (an edge that came while no controller listened is not lost).
 * Interrupts are off.
 */
export function irqUseIoApic(): void {
  picMaskAll();
  viaIoApic = true;
  for (let irq: u32 = 0; irq < IRQ_LINES; irq++) if (irq != 2 && irqOwnerCount(irq) > 0) ioapicUnmask(irq);
  keyboardDrain();
  serialOnIrq();
}

/** Whether the interrupt being handled came from ring 3 (for the timer's time slices). */
export function irqFromUser(): bool {
  return fromUserNow;
}

/**
 * Makes `handler` (with `data`) an owner of line `irq` under `name` and
 * unmasks the line; false if the line is out of range or has IRQ_MAX_OWNERS owners.
 */
export function irqRegister(irq: u32, name: string, handler: IrqHandler, data: u64): bool {
  if (irq >= IRQ_LINES || irq == 2) return false; // 2 is the cascade
  for (let k: u32 = 0; k < IRQ_MAX_OWNERS; k++) {
    const slot = i32(irq * IRQ_MAX_OWNERS + k);
    if (handlers[slot] !== null) continue;
    handlers[slot] = handler;
    handlerData[slot] = data;
    ownerNames[slot] = name;
    lineUnmask(irq);
    return true;
  }
  return false;
}

/** How many owners line `irq` has. */
export function irqOwnerCount(irq: u32): u32 {
  let n: u32 = 0;
  if (irq < IRQ_LINES) for (let k: u32 = 0; k < IRQ_MAX_OWNERS; k++) if (handlers[i32(irq * IRQ_MAX_OWNERS + k)] !== null) n++;
  return n;
}

/** The name of owner `k` of line `irq`, or null. */
export function irqOwnerName(irq: u32, k: u32): string | null {
  return irq < IRQ_LINES && k < IRQ_MAX_OWNERS ? ownerNames[i32(irq * IRQ_MAX_OWNERS + k)] : null;
}

/** Interrupts of line `irq` some owner claimed. */
export function irqHandledCount(irq: u32): u64 {
  return irq < IRQ_LINES ? handledPerLine[i32(irq)] : 0;
}

/** Interrupts of line `irq` no owner claimed. */
export function irqUnhandledCount(irq: u32): u64 {
  return irq < IRQ_LINES ? unhandledPerLine[i32(irq)] : 0;
}

function reportUnhandled(irq: u32, owners: u32): void {
  consoleWrite('irq: IRQ ');
  consoleWriteUint(u64(irq));
  if (owners == 0) {
    lineMask(irq);
    consoleWrite(' has no handler; masked\n');
  } else consoleWrite(' raised and claimed by none of its owners\n');
}

/** Handles IRQ `irq` (0 … 15); `fromUser`: it interrupted ring-3 code. */
export function irqDispatch(irq: u32, fromUser: bool): void {
  if ((irq == 7 || irq == 15) && picSpurious(irq)) {
    spurious++;
    return;
  }
  fromUserNow = fromUser;
  let owners: u32 = 0;
  let claimed = false;
  for (let k: u32 = 0; k < IRQ_MAX_OWNERS; k++) {
    const slot = i32(irq * IRQ_MAX_OWNERS + k);
    const h = handlers[slot];
    if (h === null) continue;
    owners++;
    if (h(handlerData[slot])) claimed = true;
  }
  if (claimed) handledPerLine[i32(irq)]++;
  else {
    unhandled++;
    const before = unhandledPerLine[i32(irq)];
    unhandledPerLine[i32(irq)] = before + 1;
    if (before == 0 || owners == 0) reportUnhandled(irq, owners);
  }
  if (viaIoApic) lapicEoi();
  else picEoi(irq);
}

/** Spurious IRQ 7 and 15 seen so far. */
export function spuriousIrqs(): u64 {
  return spurious;
}

/** IRQs that arrived and that no owner claimed (all lines). */
export function unhandledIrqs(): u64 {
  return unhandled;
}

function timerIrq(data: u64): bool {
  pitOnIrq();
  netTick(uptimeMs()); // network timers (kernel/net/tick.ts)
  schedTick(ticks(), fromUserNow);
  if (isTestBuild()) consoleTestTick(); // `console whole` (kernel/testing/console.ts)
  return true;
}

function keyboardIrq(data: u64): bool {
  keyboardOnIrq();
  consoleInputArrived();
  return true;
}

function serialIrq(data: u64): bool {
  serialOnIrq();
  consoleInputArrived();
  return true;
}

/**
 * Registers the timer, keyboard and COM1 handlers (which unmasks their
 * lines), then reads whatever the two input devices already hold: their
 * lines are edge triggered, and a device whose line went up before it was
 * unmasked would never interrupt again.
 */
export function irqEnableDevices(): void {
  irqRegister(IRQ_TIMER, 'timer', timerIrq, 0);
  irqRegister(IRQ_KEYBOARD, 'keyboard', keyboardIrq, 0);
  irqRegister(IRQ_COM1, 'serial', serialIrq, 0);
  keyboardDrain();
  serialOnIrq();
}
