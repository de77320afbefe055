// error: TSK1001 @ 3
const pair: i32[] = [1, 2];
const [first, second] = pair;
