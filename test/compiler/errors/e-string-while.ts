// error: TSK1008 @ 3
let s: string = 'x';
while (s) s = '';
