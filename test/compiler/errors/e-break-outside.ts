// error: TS1105 @ 3
let n: i32 = 0;
break;
