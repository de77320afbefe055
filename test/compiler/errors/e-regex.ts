// error: TSK1001 @ 2
const r = /ab+c/;
