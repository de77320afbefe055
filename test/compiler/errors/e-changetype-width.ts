// error: TSK1008 @ 3
const x: i32 = -1;
const y = changetype<u64>(x); // widening changes the value: write u64(x)
console.log(y);
