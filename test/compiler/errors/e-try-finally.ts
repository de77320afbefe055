// error: TSK1001 @ 3
let n: i32 = 0;
try {
  n = 1;
} finally {
  n = 2;
}
