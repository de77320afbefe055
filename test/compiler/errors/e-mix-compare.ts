// error: TSK1003 @ 4
let a: u8 = 1;
let b: u16 = 2;
if (a < b) console.log('less');
