// A readonly array field initialised with a constant length is laid out
// inside the object (a line buffer in a struct), not allocated separately.
// node: skip (sizeof and offsetof are tskc's)
class LineBuffer {
  len: i32 = 0;
  readonly bytes = new Uint8Array(128);
  readonly marks: i32[] = new Array<i32>(4);
  push(b: u8): bool {
    if (this.len == this.bytes.length) return false;
    this.bytes[this.len] = b;
    this.len++;
    return true;
  }
  sum(): i32 {
    let s: i32 = 0;
    for (let i: i32 = 0; i < this.len; i++) s += i32(this.bytes[i]);
    return s;
  }
}
const shared = new LineBuffer();
function fill(buf: LineBuffer, n: i32, start: u8): void {
  for (let i: i32 = 0; i < n; i++) buf.push(start + u8(i));
}
const heap = new LineBuffer();
fill(shared, 200, 0);
fill(heap, 3, 10);
heap.marks[3] = 7;
console.log(shared.len, shared.sum(), heap.len, heap.sum(), heap.marks[3], shared.marks[3]);
console.log(sizeof<LineBuffer>(), offsetof<LineBuffer>('bytes'), offsetof<LineBuffer>('marks'), shared.bytes.length, heap.marks.length);
const addr = changetype<usize>(heap);
console.log(changetype<usize>(heap.bytes) - addr, load<u8>(addr + 8 + 8 + 2));
//= 128 8128 3 33 7 0
//= 168 8 144 128 4
//= 8 12
