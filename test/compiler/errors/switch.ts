// error: TSK1001 @ 3
let n: i32 = 2;
switch (n) {
  case 1:
    break;
}
