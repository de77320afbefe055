// error: TSK1004 @ 3
const KIB: u32 = 1024;
const FOUR_GIB: u32 = 4 * KIB * KIB * KIB;
