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

/** Channel 0's current count (DIVISOR down to 1, then again), latched and read low byte first. */
function pitCount(): u64 {
  outb(PIT_COMMAND, 0x00); // latch channel 0
  const lo = inb(PIT_CHANNEL0);
  const hi = inb(PIT_CHANNEL0);
  return u64(lo) | (u64(hi) << 8);
}

/**
 * Busy-waits at least `us` microseconds by channel 0's counter, with
 * interrupts on or off (after pitInit; one caller at a time: the latch is
 * shared). AP start-up's INIT and start-up IPI delays (kernel/smp/smp.ts).
 */
export function pitDelayUs(us: u64): void {
  const target = us * PIT_INPUT_HZ / 1_000_000 + 1;
  let last = pitCount();
  let elapsed: u64 = 0;
  while (elapsed < target) {
    const now = pitCount();
    elapsed += now <= last ? last - now : last + DIVISOR - now;
    last = now;
  }
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
