// Host test program for kernel/drivers/rtc-decode.ts (compiled with
// --target linux): each 8 bytes of stdin are the clock's registers (second,
// minute, hour, day, month, year, century) and status register B; prints
// the decoded date and time and its seconds since 1970, one line each.
import { RtcRegisters, RtcTime, rtcDecode, rtcEpochSeconds } from '../../kernel/drivers/rtc-decode';
import { readStdin, stdinLength } from './stdin';

const regs = new RtcRegisters();
const time = new RtcTime();
const input = readStdin();
for (let i: i32 = 0; i + 8 <= stdinLength; i += 8) {
  const p = input + usize(i);
  regs.second = load<u8>(p);
  regs.minute = load<u8>(p + 1);
  regs.hour = load<u8>(p + 2);
  regs.day = load<u8>(p + 3);
  regs.month = load<u8>(p + 4);
  regs.year = load<u8>(p + 5);
  regs.century = load<u8>(p + 6);
  rtcDecode(regs, load<u8>(p + 7), time);
  console.log(time.year, time.month, time.day, time.hour, time.minute, time.second, rtcEpochSeconds(time));
}
