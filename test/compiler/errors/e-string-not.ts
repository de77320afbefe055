// error: TSK1008 @ 3
let s: string = '';
let empty = !s;
