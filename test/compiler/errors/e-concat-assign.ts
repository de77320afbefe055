// error: TSK1008 @ 3
let s: string = 'a';
s += 'b';
