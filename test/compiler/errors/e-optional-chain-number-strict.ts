// error: TSK1013 @ 7
// `=== null` on a chain ending in a number: undefined is never === null.
class T {
  n: i32 = 0;
}
function m(): T | null { return null; }
if (m()?.n === null) console.log('never');
