// Panics for the kernel target: `throw new Error(msg)`, failed asserts and
// failed bounds checks end here. The report goes to COM1 by polling (it must
// work before, and without, any driver), then the CPU halts for good. The
// text is formatted by kernel/lib/fmt.ts, the printers the console uses too.
import { writeSigned, writeString } from '../../kernel/lib/fmt';

const COM1: u16 = 0x3f8;
const LINE_STATUS: u16 = COM1 + 5;
const TX_EMPTY: u8 = 0x20;

function put(b: u8): void {
  while ((inb(LINE_STATUS) & TX_EMPTY) == 0) pause();
  outb(COM1, b);
}

export function panic(message: string, file: string, line: i32): never {
  writeString('\r\nkernel panic: ', put);
  writeString(message, put);
  writeString('\r\n    at ', put);
  writeString(file, put);
  writeString(':', put);
  writeSigned(line as i64, put);
  writeString('\r\n', put);
  while (true) {
    cli();
    hlt();
  }
}
