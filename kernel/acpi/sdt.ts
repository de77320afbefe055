// ACPI system description tables in general: the 36-byte header every table
// starts with (signature, length, revision, checksum, OEM ids), the byte-sum
// checksum, and mapping a table into the kernel's tables (firmware tables lie
// in reserved or ACPI memory, which kmapBuild leaves unmapped) with its
// length range-checked first. docs/smp.md, "ACPI".
import { kmapFirmware } from '../mm/kmap';
import { physToVirt } from '../mm/phys';

/** Bytes of the common header. */
export const SDT_HEADER_BYTES: u64 = 36;
/** The largest table the kernel accepts (a MADT of 256 CPUs is about 2.5 KiB). */
export const SDT_MAX_BYTES: u64 = 0x1_0000;
/** Physical addresses the kernel maps tables from: below 2^46 (any RAM a guest has). */
export const SDT_MAX_PHYS: u64 = 0x4000_0000_0000;

/** Whether the `n` bytes at virtual address `p` sum to 0 modulo 256. */
export function checksumOk(p: usize, n: u64): bool {
  let sum: u32 = 0;
  for (let i: u64 = 0; i < n; i++) sum += u32(load<u8>(p + usize(i)));
  return (sum & 0xff) == 0;
}

/** Whether the 4-byte signature at `p` is `sig`. */
export function signatureIs(p: usize, sig: string): bool {
  for (let i: i32 = 0; i < 4; i++) if (i32(load<u8>(p + usize(i))) != sig.charCodeAt(i)) return false;
  return true;
}

/** The table's length field. */
export function sdtLength(p: usize): u64 {
  return u64(load<u32>(p + 4));
}

let lastError: string = '';

/** Why the last sdtMap failed. */
export function sdtError(): string {
  return lastError;
}

/**
 * Maps the table at physical `phys` (read-only) and checks it: an address in
 * range, a length between the header and SDT_MAX_BYTES, the signature `sig`
 * and its checksum. Returns its virtual address, or 0 (sdtError says why).
 */
export function sdtMap(phys: u64, sig: string): usize {
  if (phys == 0 || phys >= SDT_MAX_PHYS - SDT_MAX_BYTES) {
    lastError = 'table address out of range';
    return 0;
  }
  kmapFirmware(phys, SDT_HEADER_BYTES);
  const p = physToVirt(phys);
  if (!signatureIs(p, sig)) {
    lastError = 'wrong table signature';
    return 0;
  }
  const n = sdtLength(p);
  if (n < SDT_HEADER_BYTES || n > SDT_MAX_BYTES) {
    lastError = 'table length out of range';
    return 0;
  }
  kmapFirmware(phys, n);
  if (!checksumOk(p, n)) {
    lastError = 'table checksum wrong';
    return 0;
  }
  return p;
}
