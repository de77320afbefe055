// error: TSK1001 @ 11
/** @forOf items size */
class Bag {
  items: i32[] = [1, 2];
  count: i32 = 2;
}
interface Bag {
  [Symbol.iterator](): Iterator<i32>;
}
let s: i32 = 0;
for (const x of new Bag()) s += x;
console.log(s);
