/* are-we-fast-yet Sieve, the same algorithm as sieve.ts. */
#include <stdio.h>
#include <stdbool.h>

#define ITERATIONS 20000
#define SIZE 5000
static bool flags[SIZE];

static int sieve(int size) {
  for (int i = 0; i < size; i++) flags[i] = true;
  int primeCount = 0;
  for (int i = 2; i <= size; i++) {
    if (flags[i - 1]) {
      primeCount++;
      int k = i + i;
      while (k <= size) {
        flags[k - 1] = false;
        k += i;
      }
    }
  }
  return primeCount;
}

int main(void) {
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = sieve(SIZE);
    if (result != 669) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
