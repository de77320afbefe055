// Field initializers and inline array lengths may name module-level
// constants, even ones declared after the class or built from others.
class Ring {
  readonly slots = new Uint32Array(SLOTS);
  base: u64 = BASE;
  limit: i32 = SLOTS * 2 - 1;
  mask: u32 = u32(SLOTS - 1);
}

const HALF: i32 = 4;
const SLOTS: i32 = HALF * 2;
const BASE: u64 = u64(0x1000) << 4;

const r = new Ring();
r.slots[SLOTS - 1] = 7;
console.log(`${r.slots.length} ${r.base} ${r.limit} ${r.mask} ${r.slots[7]}`);
//= 8 65536 15 7 7
