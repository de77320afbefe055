// error: TSK1001 @ 3
interface HasId {
  id: i32;
}
