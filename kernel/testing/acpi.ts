// The test build's command `madt`: parses hand-made MADTs, one per way a
// table can be malformed, and prints each verdict, so the QEMU tests see the
// fallback paths that QEMU's own (well-formed) tables never take:
//
//   madt      one line per case, "madt CASE: ok CPUS" or "madt CASE: REASON",
//             then "madt end"
import { consoleWrite, consoleWriteUint } from '../console/console';
import { Madt, parseMadt } from '../acpi/madt';
import { virtToPhys } from '../mm/phys';
import { sdtError, sdtMap } from '../acpi/sdt';

const buf: usize = memory.data(256);
const madt = new Madt();
let length: u64 = 0;

/** Starts a table: header with signature "APIC", local APIC address `lapic`, flags 1. */
function begin(lapic: u32): void {
  memset(buf, 0, 256);
  store<u32>(buf, 0x4349_5041); // "APIC"
  store<u32>(buf + 36, lapic);
  store<u32>(buf + 40, 1);
  length = 44;
}

function cpu(apicId: u8, flags: u32, size: u8): void {
  const e = buf + usize(length);
  store<u8>(e, 0);
  store<u8>(e + 1, size);
  store<u8>(e + 2, apicId);
  store<u8>(e + 3, apicId);
  store<u32>(e + 4, flags);
  length += size == 0 ? 8 : u64(size); // a zero-length entry still has its 8 bytes after it
}

/** Sets the length and the checksum, as firmware would. */
function finish(): void {
  store<u32>(buf + 4, u32(length));
  store<u8>(buf + 9, 0);
  let sum: u32 = 0;
  for (let i: u64 = 0; i < length; i++) sum += u32(load<u8>(buf + usize(i)));
  store<u8>(buf + 9, u8((256 - (sum & 0xff)) & 0xff));
}

function verdict(name: string): void {
  consoleWrite('madt ');
  consoleWrite(name);
  consoleWrite(': ');
  const p = sdtMap(virtToPhys(buf), 'APIC'); // sdtMap takes a physical address, as the firmware's tables have
  if (p == 0) {
    consoleWrite(sdtError());
  } else {
    const why = parseMadt(p, length, madt);
    if (why.length != 0) consoleWrite(why);
    else {
      consoleWrite('ok ');
      consoleWriteUint(u64(madt.cpuCount));
    }
  }
  consoleWrite('\n');
}

const NONE: u32 = 0xffff_ffff;

/** A CPU entry for tableCase: APIC id, flags (bit 0: enabled), the entry's length byte. */
function entry(apicId: u32, flags: u32, size: u32): u32 {
  return apicId | (flags << 8) | (size << 16);
}

/** Parses a table with local APIC address `lapic` and the CPU entries a, b, c (NONE: no entry) and prints the verdict. */
function tableCase(name: string, lapic: u32, a: u32, b: u32, c: u32): void {
  begin(lapic);
  for (let i: i32 = 0; i < 3; i++) {
    const e = i == 0 ? a : i == 1 ? b : c;
    if (e != NONE) cpu(u8(e & 0xff), (e >> 8) & 0xff, u8(e >> 16));
  }
  finish();
  verdict(name);
}

/** Runs every case. */
export function madtCommand(): void {
  const lapic: u32 = 0xfee0_0000;
  const cpu0 = entry(0, 1, 8);
  tableCase('good', lapic, cpu0, entry(1, 1, 8), entry(2, 0, 8)); // the disabled CPU is skipped
  store<u8>(buf + 9, load<u8>(buf + 9) + 1);
  verdict('checksum');
  tableCase('zero-length', lapic, cpu0, entry(1, 1, 0), NONE);
  tableCase('short', lapic, cpu0, entry(1, 1, 6), NONE);
  tableCase('duplicate', lapic, cpu0, cpu0, NONE);
  tableCase('broadcast', lapic, entry(0xff, 1, 8), NONE, NONE);
  tableCase('lapic', lapic + 0x10, cpu0, NONE, NONE);
  tableCase('empty', lapic, NONE, NONE, NONE);
  begin(lapic);
  cpu(0, 1, 8);
  length += 1; // a lone type byte at the end
  finish();
  verdict('cut');
  consoleWrite('madt end\n');
}
