// Run-length encoding of a string into parallel arrays.
function rle(s: string, chars: Int32Array, runs: Int32Array): i32 {
  let n: i32 = 0;
  let i: i32 = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j: i32 = i;
    while (j < s.length && s.charCodeAt(j) == c) j++;
    chars[n] = c;
    runs[n] = j - i;
    n++;
    i = j;
  }
  return n;
}
const chars = new Int32Array(64);
const runs = new Int32Array(64);
const inputs: string[] = ['aaabccdddd', 'abc', '', 'zzzzzzzzzzzz', 'aabbaa'];
for (const s of inputs) {
  const n = rle(s, chars, runs);
  let enc: i32 = 0;
  for (let k: i32 = 0; k < n; k++) enc = enc * 7 + runs[k] * 3 + (chars[k] - 96);
  console.log(s.length, n, enc);
}
//= 10 4 3754
//= 3 3 237
//= 0 0 0
//= 12 1 62
//= 6 3 406
