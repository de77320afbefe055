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
