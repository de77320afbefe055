// Sorting strings by comparing their bytes (tskc has no string < string).
function cmp(a: string, b: string): i32 {
  const n = a.length < b.length ? a.length : b.length;
  for (let i: i32 = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d != 0) return d;
  }
  return a.length - b.length;
}
function sort(xs: string[]): void {
  for (let i: i32 = 1; i < xs.length; i++) {
    const v = xs[i];
    let j: i32 = i - 1;
    while (j >= 0 && cmp(xs[j], v) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = v;
  }
}
const words: string[] = ['pear', 'apple', 'fig', 'banana', 'app', 'Zebra', 'apple', ''];
sort(words);
for (const w of words) console.log(w.length, w);
console.log(cmp('a', 'b') < 0, cmp('b', 'a') > 0, cmp('same', 'same'));
//= 0 
//= 5 Zebra
//= 3 app
//= 5 apple
//= 5 apple
//= 6 banana
//= 3 fig
//= 4 pear
//= true true 0
