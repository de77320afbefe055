// CMOS real-time clock driver: reads the date and time kept by the
// battery-backed MC146818-compatible clock, through the CMOS index/data
// ports, and never returns a value torn by the clock's once-a-second update.
// The formats (BCD or binary, 12 or 24 h) are decoded by rtc-decode.ts.
// docs/adding-a-driver.md builds this driver step by step.
import { RtcRegisters, RtcTime, rtcDecode } from './rtc-decode';

const CMOS_INDEX: u16 = 0x70;
const CMOS_DATA: u16 = 0x71;

const REG_SECONDS: u8 = 0x00;
const REG_MINUTES: u8 = 0x02;
const REG_HOURS: u8 = 0x04;
const REG_DAY: u8 = 0x07;
const REG_MONTH: u8 = 0x08;
const REG_YEAR: u8 = 0x09;
const REG_CENTURY: u8 = 0x32;
const REG_STATUS_A: u8 = 0x0a;
const REG_STATUS_B: u8 = 0x0b;

const STATUS_A_UPDATING: u8 = 0x80; // an update is in progress: registers may be torn

/** Reads CMOS register `reg` (bit 7 of the index, NMI disable, is left clear). */
function cmosRead(reg: u8): u8 {
  outb(CMOS_INDEX, reg);
  return inb(CMOS_DATA);
}

function updateInProgress(): bool {
  return (cmosRead(REG_STATUS_A) & STATUS_A_UPDATING) != 0;
}

function readRegisters(r: RtcRegisters): void {
  while (updateInProgress()) pause();
  r.second = cmosRead(REG_SECONDS);
  r.minute = cmosRead(REG_MINUTES);
  r.hour = cmosRead(REG_HOURS);
  r.day = cmosRead(REG_DAY);
  r.month = cmosRead(REG_MONTH);
  r.year = cmosRead(REG_YEAR);
  r.century = cmosRead(REG_CENTURY);
}

function sameRegisters(a: RtcRegisters, b: RtcRegisters): bool {
  return a.second == b.second && a.minute == b.minute && a.hour == b.hour &&
    a.day == b.day && a.month == b.month && a.year == b.year && a.century == b.century;
}

const first = new RtcRegisters();
const second = new RtcRegisters();

/** Fills `t` with the current date and time. */
export function rtcRead(t: RtcTime): void {
  // The update flag can rise right after we looked: read until two reads agree.
  readRegisters(first);
  readRegisters(second);
  while (!sameRegisters(first, second)) {
    readRegisters(first);
    readRegisters(second);
  }
  rtcDecode(second, cmosRead(REG_STATUS_B), t);
}
