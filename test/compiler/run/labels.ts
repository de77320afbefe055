// Labelled break and continue out of nested loops and blocks.
let found: i32 = -1;
outer: for (let i: i32 = 0; i < 10; i++) {
  for (let j: i32 = 0; j < 10; j++) {
    if (i * j == 42) {
      found = i * 10 + j;
      break outer;
    }
  }
}
console.log(found);
let count: i32 = 0;
rows: for (let r: i32 = 0; r < 5; r++) {
  let c: i32 = 0;
  while (true) {
    c++;
    if (c > r) continue rows;
    count++;
  }
}
console.log(count);
block: {
  if (count > 5) break block;
  console.log('not reached');
}
console.log('done');
//= 67
//= 10
//= done
