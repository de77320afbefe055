// error: TSK1003 @ 4
let a: usize = 1;
let b: u64 = 1;
if (a != b) console.log('different');
