// error: TSK1001 @ 2
const point = { x: 1, y: 2 };
