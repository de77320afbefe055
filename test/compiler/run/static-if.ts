// node: skip (type queries have no JavaScript equivalent)
// Type queries and static ifs (docs/language.md §5): each instance of a
// generic function compiles only the branch its type takes, so a branch may
// use what only that type allows (changetype<u64> of a 64-bit integer, a
// string's length) without an error in the other instances.
class Point {
  x: i32 = 3;
}

function describe<T>(x: T): i64 {
  if (isString<T>()) {
    return i64(changetype<string>(x).length);
  } else if (isInteger<T>() && sizeof<T>() == 8) {
    return changetype<i64>(x) >> 4;
  } else if (isInteger<T>() && !isSigned<T>()) {
    return i64(changetype<u32>(x)) + 1000;
  } else if (isInteger<T>()) {
    return i64(changetype<i32>(x)) - 1000;
  }
  if (isBoolean<T>()) return 7;
  if (isReference<T>()) return i64(changetype<Point>(x).x);
  return -1;
}

console.log(describe<string>('hello'), describe<u64>(0x1234), describe<i32>(-1), describe<u8>(200));
console.log(describe<bool>(true), describe<Point>(new Point()), describe<i16>(-5));
console.log(isReference<Point>(), isReference<i32>(), isSigned<u8>(), isSigned<i8>(), isFloat<f64>(), isString<string>());
//= 5 291 -1001 1200
//= 7 3 -1005
//= true false false true true true
