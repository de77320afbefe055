// error: TSK1001 @ 4
const xs: i32[] = [1, 2, 3];
let n: i32 = 0;
for (const k in xs) n++;
