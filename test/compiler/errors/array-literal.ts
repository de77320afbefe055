// error: TSK1001 @ 2
const xs = [1, 2, 3];
