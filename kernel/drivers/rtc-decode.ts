// Decoding the CMOS real-time clock's registers (kernel/drivers/rtc.ts reads
// them): BCD or binary numbers, a 12- or 24-hour clock, and the optional
// century register, all turned into one plain date and time. No port I/O,
// so the host tests compile it for linux and try every format.

const STATUS_B_24_HOUR: u8 = 0x02; // hours run 0-23 (else 1-12 with bit 7 = PM)
const STATUS_B_BINARY: u8 = 0x04; // values are binary (else BCD)
const HOUR_PM: u8 = 0x80;

/** A calendar date and a time of day, as the clock keeps them (local time as set in the BIOS). */
export class RtcTime {
  year: u16 = 0;
  month: u8 = 0; // 1-12
  day: u8 = 0; // 1-31
  hour: u8 = 0; // 0-23
  minute: u8 = 0;
  second: u8 = 0;
}

/** The clock's registers as read, in the format status register B says. */
export class RtcRegisters {
  second: u8 = 0;
  minute: u8 = 0;
  hour: u8 = 0;
  day: u8 = 0;
  month: u8 = 0;
  year: u8 = 0;
  century: u8 = 0;
}

/** 0x59 (BCD) is 59. */
function fromBcd(v: u8): u8 {
  return (v >> 4) * 10 + (v & 0x0f);
}

/** Fills `t` from registers `r` read in the format of status register B `statusB`. */
export function rtcDecode(r: RtcRegisters, statusB: u8, t: RtcTime): void {
  const pm = (r.hour & HOUR_PM) != 0;
  let hour = r.hour & ~HOUR_PM;
  let century = r.century;
  if ((statusB & STATUS_B_BINARY) == 0) {
    t.second = fromBcd(r.second);
    t.minute = fromBcd(r.minute);
    hour = fromBcd(hour);
    t.day = fromBcd(r.day);
    t.month = fromBcd(r.month);
    t.year = u16(fromBcd(r.year));
    century = fromBcd(century);
  } else {
    t.second = r.second;
    t.minute = r.minute;
    t.day = r.day;
    t.month = r.month;
    t.year = u16(r.year);
  }

  // 12-hour clock: 12 AM is 0 h, 12 PM is 12 h, 1-11 PM are 13-23 h.
  if ((statusB & STATUS_B_24_HOUR) == 0) {
    if (hour == 12) hour = 0;
    if (pm) hour += 12;
  }
  t.hour = hour;

  // The century register is not standard; trust it only if it looks like one.
  if (century < 19 || century > 29) century = 20;
  t.year += u16(century) * 100;
}

/** Days before the first of each month in a year that is not a leap year. */
const DAYS_BEFORE_MONTH: u16[] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeapYear(y: i64): bool {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/** Leap years from year 1 to year `y`, inclusive. */
function leapYearsThrough(y: i64): i64 {
  return y / 4 - y / 100 + y / 400;
}

/**
 * `t` as seconds since 1970-01-01 00:00:00, taking the clock to run in UTC
 * (as QEMU's does); 0 for a time before 1970 or fields out of range (the
 * clock is a device: what it holds is checked before use).
 */
export function rtcEpochSeconds(t: RtcTime): u64 {
  const y = i64(t.year);
  if (y < 1970 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) return 0;
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return 0;
  let days = (y - 1970) * 365 + leapYearsThrough(y - 1) - leapYearsThrough(1969);
  days += i64(DAYS_BEFORE_MONTH[i32(t.month) - 1]);
  if (t.month > 2 && isLeapYear(y)) days++;
  days += i64(t.day) - 1;
  return u64(((days * 24 + i64(t.hour)) * 60 + i64(t.minute)) * 60 + i64(t.second));
}
