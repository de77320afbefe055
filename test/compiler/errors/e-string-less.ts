// error: TSK1001 @ 4
const a: string = 'apple';
const b: string = 'banana';
const first = a < b;
