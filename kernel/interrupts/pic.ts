// The two cascaded 8259A interrupt controllers: remapped so IRQ 0–7 are
// vectors 0x20–0x27 and IRQ 8–15 are 0x28–0x2F (the BIOS's 0x08–0x0F
// collide with CPU exceptions), per-line masks, end of interrupt, and the
// spurious-interrupt test: a PIC raises IRQ 7 (or 15) when a request goes
// away before the CPU acknowledges it; its in-service bit is then clear,
// and such an interrupt must not get an EOI (15: only the master gets one,
// for the cascade line).
export const PIC_VECTOR_BASE: u8 = 0x20;
const MASTER_CMD: u16 = 0x20;
const MASTER_DATA: u16 = 0x21;
const SLAVE_CMD: u16 = 0xa0;
const SLAVE_DATA: u16 = 0xa1;
const ICW1_INIT_ICW4: u8 = 0x11; // edge triggered, cascade, ICW4 follows
const ICW4_8086: u8 = 0x01;
const OCW3_READ_ISR: u8 = 0x0b;
const EOI: u8 = 0x20;
const CASCADE_IRQ: u32 = 2;

let masks: u16 = 0xffff; // bit n set: IRQ n masked

/** A short delay between PIC commands (a write to the unused POST port 0x80). */
function ioWait(): void {
  outb(0x80, 0);
}

function writeMasks(): void {
  outb(MASTER_DATA, u8(masks & 0xff));
  outb(SLAVE_DATA, u8(masks >> 8));
}

/** Remaps both PICs to 0x20–0x2F with every line masked but the cascade (IRQ 2). */
export function picInit(): void {
  outb(MASTER_CMD, ICW1_INIT_ICW4);
  ioWait();
  outb(SLAVE_CMD, ICW1_INIT_ICW4);
  ioWait();
  outb(MASTER_DATA, PIC_VECTOR_BASE); // ICW2: vector offsets
  ioWait();
  outb(SLAVE_DATA, PIC_VECTOR_BASE + 8);
  ioWait();
  outb(MASTER_DATA, 0x04); // ICW3: the slave is on IRQ 2
  ioWait();
  outb(SLAVE_DATA, 0x02); // ICW3: the slave's cascade identity
  ioWait();
  outb(MASTER_DATA, ICW4_8086);
  ioWait();
  outb(SLAVE_DATA, ICW4_8086);
  ioWait();
  masks = 0xffff & ~(u16(1) << u16(CASCADE_IRQ));
  writeMasks();
}

/** Masks every line of both PICs for good (the I/O APIC has taken over: kernel/smp/ioapic.ts). */
export function picMaskAll(): void {
  masks = 0xffff;
  writeMasks();
}

/** Lets IRQ `irq` (0 … 15) through. */
export function picUnmask(irq: u32): void {
  masks = masks & ~(u16(1) << u16(irq));
  writeMasks();
}

/** Blocks IRQ `irq`. */
export function picMask(irq: u32): void {
  masks = masks | (u16(1) << u16(irq));
  writeMasks();
}

/** The current mask: bit n set means IRQ n is blocked. */
export function picMasks(): u16 {
  return masks;
}

/** The in-service registers of both PICs (slave in the high byte). */
export function picInService(): u16 {
  outb(MASTER_CMD, OCW3_READ_ISR);
  outb(SLAVE_CMD, OCW3_READ_ISR);
  return u16(inb(MASTER_CMD)) | (u16(inb(SLAVE_CMD)) << 8);
}

/** Signals the end of IRQ `irq`: to the slave and the master for 8–15, to the master for 0–7. */
export function picEoi(irq: u32): void {
  if (irq >= 8) outb(SLAVE_CMD, EOI);
  outb(MASTER_CMD, EOI);
}

/**
 * Whether IRQ 7 or 15 is spurious (its in-service bit clear). A spurious 15
 * still gets the master's EOI here, since the master did deliver the
 * cascade; a spurious 7 gets none.
 */
export function picSpurious(irq: u32): bool {
  if ((picInService() & (u16(1) << u16(irq))) != 0) return false;
  if (irq == 15) outb(MASTER_CMD, EOI);
  return true;
}
