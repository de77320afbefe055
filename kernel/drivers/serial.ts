// 16550 UART driver for COM1: 115200 baud 8N1 with FIFOs, polled transmit,
// and receive into a ring buffer. serialOnIrq() is the IRQ 4 handler's body:
// it drains the receive FIFO into the ring (kernel/interrupts/irq.ts routes
// IRQ 4 to it). serialInit enables the receive interrupt in the UART (IER
// and the OUT2 line that gates the IRQ).
import { ByteRing, RING_CAPACITY } from '../lib/ring';
import { noteInputByte } from './interruptkey';

const COM1: u16 = 0x3f8;
const DATA: u16 = COM1 + 0; // receive / transmit holding register (divisor low with DLAB)
const IER: u16 = COM1 + 1; // interrupt enable (divisor high with DLAB)
const FCR: u16 = COM1 + 2; // FIFO control
const LCR: u16 = COM1 + 3; // line control
const MCR: u16 = COM1 + 4; // modem control
const LSR: u16 = COM1 + 5; // line status

const LSR_DATA_READY: u8 = 0x01;
const LSR_THR_EMPTY: u8 = 0x20;
const LCR_DLAB: u8 = 0x80;
const LCR_8N1: u8 = 0x03;
const IER_RX_AVAILABLE: u8 = 0x01;
const FCR_ENABLE_CLEAR_14: u8 = 0xc7; // FIFOs on, both cleared, interrupt at 14 bytes
const MCR_DTR_RTS_OUT2: u8 = 0x0b; // OUT2 connects the UART's interrupt line to the PIC
const MCR_LOOPBACK: u8 = 0x1e; // loopback, for the self-test
const DIVISOR_115200: u8 = 1; // 115200 / 115200

/** Bytes received and not yet read. */
export const serialRx = new ByteRing();

let present = false;

/**
 * Programs COM1 (115200 8N1, FIFOs, receive interrupt on) after a loopback
 * self-test; returns false, leaving the port alone, if no UART answers.
 */
export function serialInit(): bool {
  outb(IER, 0x00); // interrupts off while programming
  outb(LCR, LCR_DLAB);
  outb(DATA, DIVISOR_115200);
  outb(IER, 0x00); // divisor high byte
  outb(LCR, LCR_8N1); // DLAB off
  outb(FCR, FCR_ENABLE_CLEAR_14);
  outb(MCR, MCR_LOOPBACK);
  outb(DATA, 0xae);
  present = inb(DATA) == 0xae;
  if (!present) return false;
  outb(MCR, MCR_DTR_RTS_OUT2);
  outb(IER, IER_RX_AVAILABLE);
  return true;
}

/** Sends one byte, waiting until the transmit holding register is empty. */
export function serialPutByte(b: u8): void {
  if (!present) return;
  while ((inb(LSR) & LSR_THR_EMPTY) == 0) pause();
  outb(DATA, b);
}

/** Room kept in serialRx before the receive interrupt is switched off again. */
const RX_HIGH_WATER: u32 = RING_CAPACITY - 16;
let rxPaused = false;

/**
 * The IRQ 4 handler's body: moves the bytes waiting in the receive FIFO
 * into serialRx. Flow control instead of loss: when the ring is nearly full
 * the receive interrupt is switched off and the rest stays in the UART (the
 * sender waits), until serialReadByte has made room again.
 */
export function serialOnIrq(): void {
  if (!present) return;
  while ((inb(LSR) & LSR_DATA_READY) != 0) {
    if (serialRx.size() >= RX_HIGH_WATER) {
      rxPaused = true;
      outb(IER, 0x00);
      return;
    }
    const b = inb(DATA);
    noteInputByte(b);
    serialRx.push(b);
  }
}

/** The oldest received byte, or -1 if none has arrived. */
export function serialReadByte(): i32 {
  const b = serialRx.pop();
  if (rxPaused && serialRx.size() < RX_HIGH_WATER / 2) {
    rxPaused = false;
    outb(IER, IER_RX_AVAILABLE); // pending bytes raise IRQ 4 again at once
  }
  return b;
}
