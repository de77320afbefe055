// PCI configuration space through configuration mechanism #1: the
// address of a function's register goes to port 0xCF8 (enable bit, bus,
// device, function, dword offset) and the register is read or written at
// port 0xCFC (plus the byte offset within the dword for narrower
// accesses). Interrupts are off in every caller (boot, system calls,
// IRQ handlers), so the two-port sequence is never interleaved.
// docs/storage.md, "PCI".

const CONFIG_ADDRESS: u16 = 0xcf8;
const CONFIG_DATA: u16 = 0xcfc;
const ENABLE: u32 = 0x8000_0000;

/** A function's location: bus (0–255), device (0–31), function (0–7). */
function select(bus: u32, dev: u32, fn: u32, offset: u32): void {
  outl(CONFIG_ADDRESS, ENABLE | ((bus & 0xff) << 16) | ((dev & 31) << 11) | ((fn & 7) << 8) | (offset & 0xfc));
}

export function pciRead32(bus: u32, dev: u32, fn: u32, offset: u32): u32 {
  select(bus, dev, fn, offset);
  return inl(CONFIG_DATA);
}

export function pciRead16(bus: u32, dev: u32, fn: u32, offset: u32): u16 {
  select(bus, dev, fn, offset);
  return inw(CONFIG_DATA + u16(offset & 2));
}

export function pciRead8(bus: u32, dev: u32, fn: u32, offset: u32): u8 {
  select(bus, dev, fn, offset);
  return inb(CONFIG_DATA + u16(offset & 3));
}

export function pciWrite32(bus: u32, dev: u32, fn: u32, offset: u32, value: u32): void {
  select(bus, dev, fn, offset);
  outl(CONFIG_DATA, value);
}

export function pciWrite16(bus: u32, dev: u32, fn: u32, offset: u32, value: u16): void {
  select(bus, dev, fn, offset);
  outw(CONFIG_DATA + u16(offset & 2), value);
}

// Offsets of the type 0 header (every function has the first 16 bytes).
export const PCI_VENDOR: u32 = 0x00;
export const PCI_DEVICE: u32 = 0x02;
export const PCI_COMMAND: u32 = 0x04;
export const PCI_STATUS: u32 = 0x06;
export const PCI_REVISION: u32 = 0x08;
export const PCI_PROG_IF: u32 = 0x09;
export const PCI_SUBCLASS: u32 = 0x0a;
export const PCI_CLASS: u32 = 0x0b;
export const PCI_HEADER_TYPE: u32 = 0x0e;
export const PCI_BAR0: u32 = 0x10;
export const PCI_CAP_POINTER: u32 = 0x34;
export const PCI_INTERRUPT_LINE: u32 = 0x3c;
export const PCI_INTERRUPT_PIN: u32 = 0x3d;
// Type 1 (PCI-to-PCI bridge): the bus behind it.
export const PCI_SECONDARY_BUS: u32 = 0x19;

/** Command register bits. */
export const CMD_IO: u16 = 0x1;
export const CMD_MEMORY: u16 = 0x2;
export const CMD_BUS_MASTER: u16 = 0x4;
export const CMD_INTX_DISABLE: u16 = 0x400;
/** Status register: the function has a capability list. */
export const STATUS_CAP_LIST: u16 = 0x10;
