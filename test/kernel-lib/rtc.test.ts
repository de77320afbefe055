// kernel/drivers/rtc-decode.ts, compiled for the host: random dates and
// times encoded by the test in each format the clock can use (BCD or binary,
// 12- or 24-hour, with or without a century register) decode to the same
// date and time.
import { beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../fuzz/generator.js';
import { buildHostProgram, runWithInput } from './host.js';

const BINARY = 0x04, H24 = 0x02;

interface Time { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The registers a clock in mode `statusB` holds for `t` (century register: `century`, or 0 if absent). */
function encode(t: Time, statusB: number, century: boolean): number[] {
  const bcd = (v: number): number => (statusB & BINARY ? v : Math.floor(v / 10) * 16 + (v % 10));
  let hour = bcd(t.hour);
  if (!(statusB & H24)) {
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    hour = bcd(h12) | (t.hour >= 12 ? 0x80 : 0);
  }
  const cent = century ? bcd(Math.floor(t.year / 100)) : 0;
  return [bcd(t.second), bcd(t.minute), hour, bcd(t.day), bcd(t.month), bcd(t.year % 100), cent, statusB];
}

/** Seconds since 1970 of `t` read as UTC: what rtcEpochSeconds must give. */
function epoch(t: Time): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) / 1000;
}

describe('RTC register decoding (host build)', () => {
  let exe = '';
  beforeAll(() => {
    exe = buildHostProgram('rtc-main.ts');
  });

  it('decodes every format to the same date and time', () => {
    const rand = mulberry32(1234);
    const pick = (n: number): number => Math.floor(rand() * n);
    const times: Time[] = [
      { year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, // midnight: 12 AM
      { year: 2099, month: 12, day: 31, hour: 12, minute: 59, second: 59 }, // noon hour: 12 PM
      { year: 2024, month: 2, day: 29, hour: 23, minute: 30, second: 5 },
      { year: 2038, month: 7, day: 15, hour: 11, minute: 1, second: 2 },
    ];
    for (let i = 0; i < 300; i++) {
      times.push({ year: 2000 + pick(100), month: 1 + pick(12), day: 1 + pick(28), hour: pick(24), minute: pick(60), second: pick(60) });
    }
    const bytes: number[] = [];
    const expected: string[] = [];
    for (const t of times) {
      for (const mode of [0, H24, BINARY, BINARY | H24]) {
        for (const century of [true, false]) {
          bytes.push(...encode(t, mode, century));
          expected.push(`${t.year} ${t.month} ${t.day} ${t.hour} ${t.minute} ${t.second} ${epoch(t)}`);
        }
      }
    }
    expect(runWithInput(exe, Uint8Array.from(bytes))).toEqual(expected);
  });

  it('uses a plausible century register (19xx) and ignores an implausible one', () => {
    const t = { year: 1999, month: 12, day: 31, hour: 23, minute: 59, second: 58 };
    const bad = encode({ ...t, year: 2007 }, BINARY | H24, false);
    bad[6] = 0x55; // not a century
    const out = runWithInput(exe, Uint8Array.from([...encode(t, H24, true), ...bad]));
    expect(out).toEqual([`1999 12 31 23 59 58 ${epoch(t)}`, `2007 12 31 23 59 58 ${epoch({ ...t, year: 2007 })}`]);
  });

  it('gives 0 seconds since 1970 for a reading out of range (the clock is a device: nothing is trusted)', () => {
    const t = { year: 2024, month: 2, day: 29, hour: 12, minute: 0, second: 0 };
    const bad = [{ ...t, month: 13 }, { ...t, month: 0 }, { ...t, day: 0 }, { ...t, day: 32 }, { ...t, hour: 24 }, { ...t, minute: 60 }, { ...t, second: 61 }];
    const out = runWithInput(exe, Uint8Array.from([...encode(t, BINARY | H24, true), ...bad.flatMap((b) => encode(b, BINARY | H24, true))]));
    expect(out[0]).toBe(`2024 2 29 12 0 0 ${epoch(t)}`);
    for (const line of out.slice(1)) expect(line.endsWith(' 0')).toBe(true);
  });
});
