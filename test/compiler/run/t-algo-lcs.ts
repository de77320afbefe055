// Longest common subsequence and edit distance of strings (2D tables in 1D arrays).
function lcs(a: string, b: string): i32 {
  const w = b.length + 1;
  const t = new Int32Array((a.length + 1) * w);
  for (let i: i32 = 1; i <= a.length; i++)
    for (let j: i32 = 1; j <= b.length; j++) {
      if (a.charCodeAt(i - 1) == b.charCodeAt(j - 1)) t[i * w + j] = t[(i - 1) * w + j - 1] + 1;
      else t[i * w + j] = t[(i - 1) * w + j] > t[i * w + j - 1] ? t[(i - 1) * w + j] : t[i * w + j - 1];
    }
  return t[a.length * w + b.length];
}
function min3(a: i32, b: i32, c: i32): i32 {
  const m = a < b ? a : b;
  return m < c ? m : c;
}
function edit(a: string, b: string): i32 {
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j: i32 = 0; j <= b.length; j++) prev[j] = j;
  for (let i: i32 = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j: i32 = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) == b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length];
}
console.log(lcs('ABCBDAB', 'BDCABA'), lcs('AGGTAB', 'GXTXAYB'), lcs('', 'abc'), lcs('same', 'same'));
console.log(edit('kitten', 'sitting'), edit('flaw', 'lawn'), edit('', 'abc'), edit('intention', 'execution'));
//= 4 4 0 4
//= 3 2 3 5
