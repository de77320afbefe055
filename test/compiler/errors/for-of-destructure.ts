// error: TSK1001 @ 3
const rows: i32[][] = [[1, 2]];
for (const [x] of rows) console.log(x);
