// Objects made in a loop live on the heap and are freed explicitly; a
// module-level object is static.
// node: skip (free() is tskc's)
class Cell {
  value: i64 = 0;
  visits: i32 = 0;
}
const shared = new Cell();
function work(n: i32): i64 {
  let total: i64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const c = new Cell();
    c.value = i64(i) * 3;
    c.visits++;
    shared.visits++;
    total += c.value + i64(c.visits);
    free(c);
  }
  return total;
}
console.log(work(1000), shared.visits);
console.log(sizeof<Cell>(), alignof<Cell>(), offsetof<Cell>('visits'));
//= 1499500 1000
//= 16 8 8
