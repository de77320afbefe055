// error: TS2588 @ 3
const k: i32 = 1;
k = 2;
