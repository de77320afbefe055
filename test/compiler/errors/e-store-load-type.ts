// error: TSK1005 @ 3
const buf = memory.data(8);
console.log(load(buf));
