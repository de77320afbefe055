// The memory code's reports, through the console layer (serial and VGA):
// strings and unsigned decimal numbers. Kernel target only.
import { consoleWrite, consoleWriteUint } from '../console/console';

export function logStr(s: string): void {
  consoleWrite(s);
}

export function logNum(v: u64): void {
  consoleWriteUint(v);
}

/** `label` followed by `bytes` in KiB, then a newline. */
export function logKiB(label: string, bytes: u64): void {
  consoleWrite(label);
  consoleWriteUint(bytes / 1024);
  consoleWrite(' KiB\n');
}
