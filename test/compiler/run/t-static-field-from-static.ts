// Static fields initialised from other static members, constant or not.
class K {
  static readonly S: i32 = 7;
  static n: i32 = K.S;
  static a: i32 = 5;
  static b: i32 = K.a + 1;
}
console.log(K.n, K.b);
//= 7 6
