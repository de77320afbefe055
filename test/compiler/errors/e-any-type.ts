// error: TSK1002 @ 2
let x: any = 1;
