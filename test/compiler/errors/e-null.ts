// error: TSK1012 @ 5
class Node1 {
  v: i32 = 0;
}
let n: Node1 = null as unknown as Node1;
