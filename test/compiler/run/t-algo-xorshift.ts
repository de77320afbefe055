// xorshift32 pseudo-random numbers, a histogram and a Fisher-Yates shuffle.
let state: u32 = 2463534242;
function rand(): u32 {
  let x = state;
  x = u32(x ^ (x << 13));
  x = u32(x ^ (x >>> 17));
  x = u32(x ^ (x << 5));
  state = x;
  return x;
}
for (let i: i32 = 0; i < 5; i++) console.log(rand());
const hist = new Int32Array(4);
for (let i: i32 = 0; i < 10000; i++) hist[rand() & 3]++;
console.log(hist[0], hist[1], hist[2], hist[3]);
const deck = new Int32Array(10);
for (let i: i32 = 0; i < 10; i++) deck[i] = i;
for (let i: i32 = 9; i > 0; i--) {
  const j = i32(rand() % u32(i + 1));
  const t = deck[i];
  deck[i] = deck[j];
  deck[j] = t;
}
console.log(deck[0], deck[1], deck[2], deck[3], deck[4], deck[5], deck[6], deck[7], deck[8], deck[9]);
//= 723471715
//= 2497366906
//= 2064144800
//= 2008045182
//= 3532304609
//= 2522 2431 2458 2589
//= 4 6 2 7 0 3 8 5 1 9
