// error: TSK1010 @ 6
class C {
  a: i32 = 0;
}
let name: 'a' = 'a';
console.log(offsetof<C>(name));
