// error: TSK1008 @ 3
let s: string = 'on';
let n: i32 = s ? 1 : 0;
