// error: TS2322 @ 3
let a: u8 = 1;
let b: u32 = 'one';
