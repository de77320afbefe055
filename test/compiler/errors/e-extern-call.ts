// error: TSK1007 @ 3
declare function external(x: i32): i32;
console.log(external(1));
