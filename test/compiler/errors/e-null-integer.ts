// error: TSK1012 @ 3
// Only references can be null; an integer has no spare value for it.
let count: i32 | null = null;
console.log(count === null);
