/* nsieve, the same algorithm as nsieve.ts. */
#include <stdio.h>
#include <stdint.h>

#define N 9
static uint8_t flags[(1 << N) * 10000 + 1];

static int nsieve(int m) {
  for (int i = 2; i < m; i++) flags[i] = 1;
  int count = 0;
  for (int i = 2; i < m; i++) {
    if (flags[i] != 0) {
      for (int k = i + i; k < m; k += i) flags[k] = 0;
      count++;
    }
  }
  return count;
}

int main(void) {
  for (int i = 0; i < 3; i++) {
    int m = (1 << (N - i)) * 10000;
    printf("Primes up to %d %d\n", m, nsieve(m));
  }
  return 0;
}
