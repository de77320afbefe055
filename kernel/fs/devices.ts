// The devices of /dev: null (reads end at once, writes vanish), zero
// (reads give zero bytes, writes vanish) and console (reads the keyboard
// and the serial line, writes to the screen and the serial line), one
// instance of each that processes share; and pci (the PCI listing),
// cachestats (the buffer cache's counters), processes (procs.ts, the
// process table) and netstat (the network's counters, kernel/net/netstat.ts),
// read-only text files whose every open is a new snapshot (textfile.ts).
import { cpuListing } from '../smp/cpustat';
import { consoleReadByte, consoleWriteBytes } from '../console/console';
import { clearUser, copyFromUser, copyToUser } from '../mm/usercopy';
import { Device } from './device';
import { EINTR, POLLIN, POLLOUT } from '../syscall/numbers';
import { pollNotify } from '../proc/pollwait';
import { processListing } from './procs';
import { takeInterruptKey } from '../drivers/interruptkey';
import { consoleInterrupt } from '../proc/groups';
import { pciListing } from '../drivers/pci/listing';
import { cacheStatsText } from '../block/cache';
import { textFileOpen } from './textfile';
import { WaitQueue } from '../proc/process';
import { sleepInterruptible, wakeAll } from '../proc/waitqueue';
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

/** The keyboard or the serial line has received something (their IRQs): Ctrl+C interrupts the foreground group; wakes the console's readers. */
export function consoleInputArrived(): void {
  if (takeInterruptKey()) consoleInterrupt();
  if (!consoleReaders.isEmpty()) wakeAll(consoleReaders);
  pollNotify();
}

/** A byte poll took from the input to see whether there is any (-1: none); the next read gets it first. */
let peeked: i32 = -1;

/** The next input byte, or -1 when there is none. */
function nextByte(): i32 {
  const c = peeked;
  if (c < 0) return consoleReadByte();
  peeked = -1;
  return c;
}

/** Drops what was typed and not read (TCFLSH). */
export function consoleFlushInput(): void {
  peeked = -1;
  while (consoleReadByte() >= 0) {}
}

/** Whether a console read would find input at once. */
function consoleInputReady(): bool {
  if (peeked < 0) peeked = consoleReadByte();
  return peeked >= 0;
}

/** Sleeps until console input arrives (system calls run with interrupts off); returns its first byte, or -1 when a signal came first. */
function waitForInput(): i32 {
  while (true) {
    const c = nextByte();
    if (c >= 0) return c;
    if (!sleepInterruptible(consoleReaders)) return -1;
  }
}

class ConsoleDevice extends Device {
  path(): string { return '/dev/console'; }

  /** POLLIN when input is waiting; output never waits. */
  poll(): i32 { return (consoleInputReady() ? POLLIN : 0) | POLLOUT; }

  /** Blocks until at least one byte is typed, then returns what is there (up to len). */
  read(buf: u64, len: u64): i64 {
    if (len == 0) return 0;
    let n: u64 = 0;
    let c: i32 = waitForInput();
    if (c < 0) return -EINTR;
    const max = len < CHUNK ? len : CHUNK;
    while (c >= 0 && n < max) {
      bounce[i32(n)] = u8(c);
      n++;
      if (n < max) c = nextByte();
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
  if (isPath('/dev/cachestats', name, len)) return textFileOpen('/dev/cachestats', cacheStatsText);
  if (isPath('/dev/processes', name, len)) return textFileOpen('/dev/processes', processListing);
  if (isPath('/dev/netstat', name, len)) return textFileOpen('/dev/netstat', netstatText);
  if (isPath('/dev/cpus', name, len)) return textFileOpen('/dev/cpus', cpuListing);
  return null;
}
