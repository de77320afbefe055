// The text of /dev/pci: one line per function (bus:device.function,
// vendor:device, class.subclass.prog-if, revision, interrupt line and pin,
// driver), then one indented line per implemented BAR (kind, base, size).
// The format is documented in docs/storage.md ("/dev/pci") and compared
// with QEMU's own `info pci` by test/storage/pci.test.ts.
import { TextBuilder } from 'tskc:text';
import { BAR_COUNT, BAR_IO, BAR_MEM32, BAR_MEM64, BAR_NONE, BAR_UPPER, PciDevice } from './device';
import { pciDevices } from './enumerate';

function barLine(t: TextBuilder, d: PciDevice, i: i32): void {
  const kind = d.barKind[i];
  if (kind == BAR_NONE || kind == BAR_UPPER) return;
  t.str('  bar').int(i64(i)).str(kind == BAR_IO ? ' io ' : kind == BAR_MEM32 ? ' mem32 ' : ' mem64 ');
  if (kind != BAR_IO && d.barPrefetch[i] != 0) t.str('prefetchable ');
  t.hex(d.barBase[i], 1).str(' size ').hex(d.barSize[i], 1).str('\n');
}

function deviceLines(t: TextBuilder, d: PciDevice): void {
  t.radix(u64(d.bus), 16, 2).str(':').radix(u64(d.dev), 16, 2).str('.').radix(u64(d.fn), 16, 1).str(' ');
  t.radix(u64(d.vendor), 16, 4).str(':').radix(u64(d.device), 16, 4).str(' class ');
  t.radix(u64(d.classCode), 16, 2).str('.').radix(u64(d.subclass), 16, 2).str('.').radix(u64(d.progIf), 16, 2);
  t.str(' rev ').radix(u64(d.revision), 16, 2);
  if (d.irqPin != 0) t.str(' irq ').uint(u64(d.irqLine)).str(' pin ').byte(d.irqPin <= 4 ? u8(64 + d.irqPin) : u8(63)); // A–D, '?' for a pin the spec does not have
  t.str(' driver ').str(d.driver ?? '-').str('\n');
  for (let i: i32 = 0; i < BAR_COUNT; i++) barLine(t, d, i);
}

/** Writes the listing into `t`; the caller checks `t.truncated`. */
export function pciListing(t: TextBuilder): void {
  for (let d = pciDevices(); d !== null; d = d.next) deviceLines(t, d);
}
