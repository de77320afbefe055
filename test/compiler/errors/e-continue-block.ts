// error: TS1115 @ 4
let n: i32 = 0;
blk: {
  if (n == 0) continue blk;
}
