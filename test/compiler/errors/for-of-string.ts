// error: TSK1001 @ 3
let n: i32 = 0;
for (const ch of 'abc') n++;
