// error: TSK1012 @ 3
// A variable initialised with null needs its reference type written.
let x = null;
console.log(x === null);
