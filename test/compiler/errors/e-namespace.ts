// error: TSK1001 @ 2
namespace Util {
  export const K: i32 = 1;
}
