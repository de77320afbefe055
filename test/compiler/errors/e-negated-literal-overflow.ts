// error: TSK1004 @ 3
// -(1) is the constant -1, which a u8 cannot hold, exactly as -1 cannot.
const a: u8 = -(1);
console.log(a);
