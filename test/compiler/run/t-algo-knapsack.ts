// 0/1 knapsack and coin change by dynamic programming over Int32Array.
function knapsack(w: i32[], v: i32[], cap: i32): i32 {
  const best = new Int32Array(cap + 1);
  for (let i: i32 = 0; i < w.length; i++)
    for (let c: i32 = cap; c >= w[i]; c--) {
      const take = best[c - w[i]] + v[i];
      if (take > best[c]) best[c] = take;
    }
  return best[cap];
}
function ways(coins: i32[], amount: i32): i64 {
  const dp = new Array<i64>(amount + 1);
  for (let i: i32 = 0; i <= amount; i++) dp[i] = 0;
  dp[0] = 1;
  for (const c of coins) for (let a: i32 = c; a <= amount; a++) dp[a] += dp[a - c];
  return dp[amount];
}
console.log(knapsack([12, 2, 1, 1, 4], [4, 2, 1, 2, 10], 15), knapsack([5, 4, 6, 3], [10, 40, 30, 50], 10));
console.log(ways([1, 2, 5], 5), ways([2], 3), ways([1, 5, 10, 25, 50], 100), ways([1, 2, 5, 10, 20, 50, 100, 200], 200));
//= 15 90
//= 4 0 292 73682
