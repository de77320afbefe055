// Panics for the kernel target: `throw new Error(msg)`, failed asserts and
// failed bounds checks end here. The report goes to COM1 by polling (it must
// work before, and without, any driver), then the CPU halts for good.

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TX_EMPTY: u8 = 0x20;

function put(b: u8): void {
  while ((inb(LINE_STATUS) & TX_EMPTY) == 0) pause();
  outb(COM1, b);
}

function write(s: string): void {
  const bytes = changetype<usize>(s) + 8;
  const n = usize(s.length);
  for (let i: usize = 0; i < n; i++) put(load<u8>(bytes + i));
}

function writeNumber(v: i32): void {
  let div: i32 = 1000000000;
  let started = false;
  while (div > 0) {
    const d = (v / div) % 10;
    if (d != 0 || started || div == 1) {
      put(u8(d) + 48);
      started = true;
    }
    div = div / 10;
  }
}

export function panic(message: string, file: string, line: i32): never {
  write('\r\nkernel panic: ');
  write(message);
  write('\r\n    at ');
  write(file);
  write(':');
  writeNumber(line);
  write('\r\n');
  while (true) {
    cli();
    hlt();
  }
}
