// error: TSK1001 @ 3
const s = 'abc';
const c = s[1];
