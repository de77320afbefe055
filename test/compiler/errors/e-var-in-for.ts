// error: TSK1001 @ 3
let total: i32 = 0;
for (var i: i32 = 0; i < 3; i++) total += i;
