// volatileLoad and volatileStore on static memory, and store's inferred type.
// node: skip (raw memory has no Node equivalent)
const reg = memory.data(8);
let v: u32 = 7;
volatileStore<u32>(reg, 1);
volatileStore<u32>(reg, 2);
store(reg + 4, v);
let polls: i32 = 0;
while (volatileLoad<u32>(reg) != 5) {
  volatileStore<u32>(reg, volatileLoad<u32>(reg) + 1);
  polls++;
}
console.log(polls, volatileLoad<u32>(reg), load<u32>(reg + 4));
//= 3 5 7
