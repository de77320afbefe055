// error: TSK1040 @ 2
let p: Ptr<u8[]> = 0;
