// Character classes and case folding by arithmetic on char codes.
function upperCount(s: string): i32 {
  let n: i32 = 0;
  for (let i: i32 = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) n++;
  }
  return n;
}
function sameIgnoringCase(a: string, b: string): bool {
  if (a.length != b.length) return false;
  for (let i: i32 = 0; i < a.length; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x >= 65 && x <= 90) x += 32;
    if (y >= 65 && y <= 90) y += 32;
    if (x != y) return false;
  }
  return true;
}
console.log(upperCount('Hello World ABC'), upperCount('none'));
console.log(sameIgnoringCase('TsKc', 'tskc'), sameIgnoringCase('abc', 'abd'), sameIgnoringCase('a', 'ab'));
//= 5 0
//= true false false
