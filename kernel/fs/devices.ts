// The devices of /dev: null (reads end at once, writes vanish), zero
// (reads give zero bytes, writes vanish) and console (reads the keyboard
// and the serial line, writes to the screen and the serial line), one
// instance of each that processes share; and pci, the PCI listing, a
// read-only text file whose every open is a new snapshot (textfile.ts),
// as is netstat, the network's counters (kernel/net/netstat.ts).
import { consoleReadByte, consoleWriteBytes } from '../console/console';
import { clearUser, copyFromUser, copyToUser } from '../mm/usercopy';
import { Device } from './device';
import { pciListing } from '../drivers/pci/listing';
import { textFileOpen } from './textfile';
import { WaitQueue } from '../proc/process';
import { sleepOn, wakeAll } from '../proc/waitqueue';
import { netstatText } from '../net/netstat';

const CHUNK: u64 = 256;
const bounce = new Uint8Array(256); // user bytes pass through here (kernel code never holds a user pointer)

class NullDevice extends Device {
  path(): string { return '/dev/null'; }
  read(buf: u64, len: u64): i64 { return 0; }
  write(buf: u64, len: u64): i64 { return i64(len); }
}

class ZeroDevice extends Device {
  path(): string { return '/dev/zero'; }
  read(buf: u64, len: u64): i64 {
    const r = clearUser(buf, len);
    return r < 0 ? r : i64(len);
  }
  write(buf: u64, len: u64): i64 { return i64(len); }
}

/** Processes waiting in a console read for input. */
const consoleReaders = new WaitQueue();

/** The keyboard or the serial line has received something (their IRQs): wakes the console's readers. */
export function consoleInputArrived(): void {
  if (!consoleReaders.isEmpty()) wakeAll(consoleReaders);
}

/** Sleeps until console input arrives (system calls run with interrupts off); returns its first byte. */
function waitForInput(): u8 {
  while (true) {
    const c = consoleReadByte();
    if (c >= 0) return u8(c);
    sleepOn(consoleReaders);
  }
}

class ConsoleDevice extends Device {
  path(): string { return '/dev/console'; }

  /** Blocks until at least one byte is typed, then returns what is there (up to len). */
  read(buf: u64, len: u64): i64 {
    if (len == 0) return 0;
    let n: u64 = 0;
    let c: i32 = i32(waitForInput());
    const max = len < CHUNK ? len : CHUNK;
    while (c >= 0 && n < max) {
      bounce[i32(n)] = u8(c);
      n++;
      if (n < max) c = consoleReadByte();
    }
    const r = copyToUser(buf, changetype<usize>(bounce) + 8, n);
    return r < 0 ? r : i64(n);
  }

  write(buf: u64, len: u64): i64 {
    let done: u64 = 0;
    while (done < len) {
      const n = len - done < CHUNK ? len - done : CHUNK;
      const r = copyFromUser(changetype<usize>(bounce) + 8, buf + done, n);
      if (r < 0) return done > 0 ? i64(done) : r; // what was written stays written (docs/syscall-abi.md, partial transfers)
      consoleWriteBytes(changetype<usize>(bounce) + 8, usize(n));
      done += n;
    }
    return i64(done);
  }
}

const nullDevice = new NullDevice();
const zeroDevice = new ZeroDevice();
export const consoleDevice: Device = new ConsoleDevice();

function isPath(s: string, name: usize, len: usize): bool {
  return usize(s.length) == len && memcmp(changetype<usize>(s) + 8, name, len) == 0;
}

function named(d: Device, name: usize, len: usize): bool {
  return isPath(d.path(), name, len);
}

/** The device at `path` (the bytes at `name`, `len` long), or null; a text file is a new object that an fd must take. */
export function deviceNamed(name: usize, len: usize): Device | null {
  if (named(consoleDevice, name, len)) return consoleDevice;
  if (named(nullDevice, name, len)) return nullDevice;
  if (named(zeroDevice, name, len)) return zeroDevice;
  if (isPath('/dev/pci', name, len)) return textFileOpen('/dev/pci', pciListing);
  if (isPath('/dev/netstat', name, len)) return textFileOpen('/dev/netstat', netstatText);
  return null;
}
