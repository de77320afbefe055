// changetype and store/load see an object's fields at their offsets.
// node: skip (raw memory access is tskc's)
class Header {
  magic: u32 = 0;
  version: u16 = 0;
  flags: u8 = 0;
  size: u64 = 0;
}
const h = new Header();
const base = changetype<usize>(h);
store<u32>(base + offsetof<Header>('magic'), 0xcafebabe);
store<u16>(base + offsetof<Header>('version'), 3);
store<u8>(base + offsetof<Header>('flags'), 0x81);
store<u64>(base + offsetof<Header>('size'), 123456789012345);
console.log(h.magic, h.version, h.flags, h.size, sizeof<Header>());
h.version = 0xbeef;
console.log(load<u8>(base + 4), load<u8>(base + 5), load<u16>(base + 4));
const view = changetype<Header>(base);
console.log(view.magic == h.magic, view.size);
//= 3405691582 3 129 123456789012345 16
//= 239 190 48879
//= true 123456789012345
