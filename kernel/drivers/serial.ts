// 16550 UART driver for COM1: polled transmit. (Interrupt-driven receive
// comes with the interrupt subsystem.)

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TX_EMPTY: u8 = 0x20;

/** 115200 baud, 8 data bits, no parity, one stop bit, FIFOs on. */
export function serialInit(): void {
  outb(COM1 + 1, 0x00); // no interrupts
  outb(COM1 + 3, 0x80); // DLAB on: the next two ports set the divisor
  outb(COM1 + 0, 0x01); // divisor 1 = 115200 baud
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x03); // DLAB off, 8N1
  outb(COM1 + 2, 0xc7); // FIFOs on, cleared, 14-byte threshold
  outb(COM1 + 4, 0x03); // DTR and RTS
}

export function serialPutByte(b: u8): void {
  while ((inb(LINE_STATUS) & TX_EMPTY) == 0) pause();
  outb(COM1, b);
}

/** Writes a string; "\n" goes out as "\r\n" for terminals. */
export function serialWrite(s: string): void {
  const bytes = changetype<usize>(s) + 8;
  const n = usize(s.length);
  for (let i: usize = 0; i < n; i++) {
    const b = load<u8>(bytes + i);
    if (b == 10) serialPutByte(13);
    serialPutByte(b);
  }
}
