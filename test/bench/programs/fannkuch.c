/* fannkuch-redux (Benchmarks Game), the same algorithm as fannkuch.ts. */
#include <stdio.h>

static int fannkuch(int n) {
  int perm[32], perm1[32], count[32];
  int maxFlips = 0, checksum = 0, permCount = 0;
  for (int i = 0; i < n; i++) perm1[i] = i;
  int r = n;
  for (;;) {
    while (r != 1) {
      count[r - 1] = r;
      r--;
    }
    for (int i = 0; i < n; i++) perm[i] = perm1[i];
    int flips = 0;
    int k = perm[0];
    while (k != 0) {
      int lo = 0, hi = k;
      while (lo < hi) {
        int t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
        lo++;
        hi--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) maxFlips = flips;
    checksum += permCount % 2 == 0 ? flips : -flips;
    for (;;) {
      if (r == n) {
        printf("%d\n", checksum);
        return maxFlips;
      }
      int perm0 = perm1[0];
      for (int i = 0; i < r; i++) perm1[i] = perm1[i + 1];
      perm1[r] = perm0;
      count[r] = count[r] - 1;
      if (count[r] > 0) break;
      r++;
    }
    permCount++;
  }
}

int main(void) {
  int n = 10;
  int m = fannkuch(n);
  printf("Pfannkuchen(%d) = %d\n", n, m);
  return 0;
}
