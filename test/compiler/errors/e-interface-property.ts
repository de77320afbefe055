// error: TSK1001 @ 3
interface Sized {
  size: i32;
  area(): i32;
}
