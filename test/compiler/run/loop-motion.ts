// Rotation and loop-invariant code motion (compiler/passes/rotate.ts,
// licm.ts) must not change what a program does: loops that run zero times,
// values read after the loop, loads that would fault or divisions that would
// trap where the loop never reaches them, and stores that do or do not
// change a hoisted load (alias classes, ir/alias.ts).
class Box {
  items: Int32Array = new Int32Array(4);
  count: i32 = 0;
}

class Other {
  count: i32 = 0;
}

function sumTo(n: i32): i32 {
  let i: i32 = 0;
  let acc: i32 = 0;
  while (i < n) {
    acc += i;
    i++;
  }
  return acc * 1000 + i;
}
console.log(sumTo(0), sumTo(1), sumTo(10), sumTo(-5));

// The array is null exactly when the loop never runs: its length must not be read before it.
function lengths(a: Int32Array | null, n: i32): i32 {
  let total: i32 = 0;
  for (let i: i32 = 0; i < n; i++) total += a!.length + i;
  return total;
}
console.log(lengths(null, 0), lengths(new Int32Array(3), 4));

// The division runs only when d is not zero.
function divides(n: i32, d: i32): i32 {
  let total: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    if (d != 0) total += i32(100 / d);
    else total += 1;
  }
  return total;
}
console.log(divides(5, 0), divides(5, 7), divides(0, 0));

// Stores to another class's field leave box.count in place; stores to box.count do not.
function fill(box: Box, other: Other, n: i32): i32 {
  let seen: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    other.count = other.count + box.count;
    box.items[i & 3] = box.count + i;
    seen += box.count;
  }
  for (let i: i32 = 0; i < n; i++) {
    box.count = box.count + 1;
    seen += box.count;
  }
  return seen * 100 + other.count;
}
const box = new Box();
box.count = 3;
const other = new Other();
console.log(fill(box, other, 5), box.items[0], box.items[3], box.count, other.count);

// The same object through two references: the store through one changes the other's loads.
function same(a: Box, b: Box, n: i32): i32 {
  let total: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    total += a.count;
    b.count = b.count + 2;
  }
  return total;
}
console.log(same(box, box, 4), same(box, new Box(), 4));

// Nested loops with invariant loads at each level, and an exit value of the inner loop.
function grid(rows: Int32Array, n: i32): i32 {
  let total: i32 = 0;
  let j: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    j = 0;
    while (j < rows.length) {
      total += rows[j] * i;
      j++;
    }
  }
  return total * 10 + j;
}
const rows = new Int32Array(3);
rows[0] = 1;
rows[1] = 2;
rows[2] = 3;
console.log(grid(rows, 4), grid(rows, 0));

//= 0 1 45010 0
//= 0 18
//= 5 70 0
//= 4515 7 6 8 15
//= 44 64
//= 363 0
