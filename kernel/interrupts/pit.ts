// The 8253/8254 programmable interval timer, channel 0 on IRQ 0: a rate
// generator at PIT_HZ (100 Hz, a tick every 10 ms). The tick counter is the
// kernel's clock: ticks() since pitInit, uptimeMs() from them.
const PIT_CHANNEL0: u16 = 0x40;
const PIT_COMMAND: u16 = 0x43;
const CHANNEL0_LOHI_RATE: u8 = 0x34; // channel 0, low then high byte, mode 2 (rate generator), binary
const PIT_INPUT_HZ: u64 = 1193182;
export const PIT_HZ: u64 = 100;
const DIVISOR: u64 = 11932; // PIT_INPUT_HZ / PIT_HZ, rounded: 99.998 Hz

let tickCount: u64 = 0;

/** Programs channel 0 for PIT_HZ interrupts. */
export function pitInit(): void {
  outb(PIT_COMMAND, CHANNEL0_LOHI_RATE);
  outb(PIT_CHANNEL0, u8(DIVISOR & 0xff));
  outb(PIT_CHANNEL0, u8(DIVISOR >> 8));
}

/** The IRQ 0 handler's body. */
export function pitOnIrq(): void {
  tickCount++;
}

/** Timer interrupts since pitInit. */
export function ticks(): u64 {
  return tickCount;
}

/** Milliseconds since pitInit, from the tick count (10 ms resolution). */
export function uptimeMs(): u64 {
  return tickCount * 1000 / PIT_HZ;
}
