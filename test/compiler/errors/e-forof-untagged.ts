// error: TSK1001 @ 12
class Bag {
  items: i32[] = [1, 2];
  count: i32 = 2;
}
interface Bag {
  [Symbol.iterator](): Iterator<i32>;
}

const b = new Bag();
let s: i32 = 0;
for (const x of b) s += x;
console.log(s);
