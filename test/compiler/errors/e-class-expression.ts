// error: TSK1001 @ 2
const Anon = class {
  x: i32 = 0;
};
