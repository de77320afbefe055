// error: TSK1008 @ 5
// cpuid fills four u32 fields at offsets 0, 4, 8, 12; this class has u64s.
class Regs { a: u64 = 0; b: u64 = 0 }
const r = new Regs();
cpuid(0, 0, r);
