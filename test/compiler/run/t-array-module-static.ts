// Module-level arrays with constant lengths are static; functions share them.
const counts = new Int32Array(10);
const table: i32[] = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
const labels: string[] = ['zero', 'one', 'two'];
function tally(): void {
  for (const v of table) counts[v]++;
}
tally();
tally();
for (let i: i32 = 0; i < counts.length; i++) if (counts[i] > 0) console.log(i, counts[i]);
labels[2] = 'TWO';
console.log(labels[0], labels[1], labels[2], table.length);
//= 1 4
//= 2 2
//= 3 4
//= 4 2
//= 5 6
//= 6 2
//= 9 2
//= zero one TWO 11
