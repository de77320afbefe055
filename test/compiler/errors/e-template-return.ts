// error: TSK1041 @ 2
function make(n: i32): Template {
  return `n=${n}`;
}
