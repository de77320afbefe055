// error: TSK1001 @ 3
// A declared function needs @extern to name the symbol that defines it.
declare function helper(x: u64): u64;
