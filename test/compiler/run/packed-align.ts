// node: skip (sizeof, offsetof and load are tskc's; docs/language.md §12.3)
// @packed classes have no padding; @align raises a class's alignment.

/** A GDT/IDT pseudo-descriptor: limit at 0, base at 2. @packed */
class TablePointer { limit: u16 = 0; base: u64 = 0 }

/** A 64-bit IDT gate, 16 bytes exactly. @packed */
class IdtGate {
  offsetLow: u16 = 0;
  selector: u16 = 0;
  ist: u8 = 0;
  flags: u8 = 0;
  offsetMid: u16 = 0;
  offsetHigh: u32 = 0;
  reserved: u32 = 0;
}

/** @align 64 */
class CacheLine { a: u8 = 0 }

class Padded { a: u8 = 0; b: u64 = 0 }

console.log(sizeof<TablePointer>(), offsetof<TablePointer>('base'), alignof<TablePointer>());
//= 10 2 1
console.log(sizeof<IdtGate>(), offsetof<IdtGate>('offsetMid'), offsetof<IdtGate>('offsetHigh'));
//= 16 6 8
console.log(sizeof<CacheLine>(), alignof<CacheLine>(), sizeof<Padded>());
//= 64 64 16

const p = new TablePointer();
p.limit = 4095;
p.base = 0x123456789;
console.log(load<u16>(changetype<usize>(p)), load<u64>(changetype<usize>(p) + 2), p.base);
//= 4095 4886718345 4886718345

// A module-level instance is static storage at the class's alignment.
const line = new CacheLine();
console.log(changetype<usize>(line) % 64);
//= 0

/** @align 4096 */
let page: u64 = 1;
console.log(page, 0);
//= 1 0
