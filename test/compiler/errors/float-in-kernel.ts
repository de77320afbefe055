// error: TSK1011 @ 3
// target: kernel
let ratio: number = 1.5;
