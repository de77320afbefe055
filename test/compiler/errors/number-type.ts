// error: TSK1011 @ 2
let f: number = 2;
