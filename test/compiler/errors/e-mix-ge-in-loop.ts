// error: TSK1003 @ 4
let limit: i64 = 10;
let n: i32 = 0;
while (limit >= n) n++;
