// error: TSK1001 @ 3
const a = 'x';
const b = a + 'y';
