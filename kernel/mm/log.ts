// Serial output for the memory code's reports: strings and unsigned
// decimal numbers on COM1. Kernel target only.
import { serialPutByte, serialWrite } from '../drivers/serial';

export function logStr(s: string): void {
  serialWrite(s);
}

export function logNum(v: u64): void {
  const digits = memory.data(24);
  let n = 0;
  do {
    store<u8>(digits + usize(n), u8(v % 10) + 48);
    v = v / 10;
    n++;
  } while (v != 0);
  while (n > 0) {
    n--;
    serialPutByte(load<u8>(digits + usize(n)));
  }
}

/** `label` followed by `bytes` in KiB, then a newline. */
export function logKiB(label: string, bytes: u64): void {
  serialWrite(label);
  logNum(bytes / 1024);
  serialWrite(' KiB\n');
}
