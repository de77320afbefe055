// Writing past the end of an array panics; earlier writes and output stand.
const xs: u8[] = [1, 2, 3];
for (let i: i32 = 0; i <= xs.length; i++) {
  console.log('write', i);
  xs[i] = u8(i * 10);
}
//= write 0
//= write 1
//= write 2
//= write 3
// stderr: panic: index out of bounds
// stderr:     at test/compiler/panics/p-oob-write.ts:5
