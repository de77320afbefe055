/* The i64 hash loop of hash.ts. */
#include <stdio.h>
#include <stdint.h>

static int64_t hash(int n) {
  int64_t h = 0;
  for (int i = 0; i < n; i++) h = (h * 31 + 7) % 2147483647;
  return h;
}

int main(void) {
  printf("%lld\n", (long long)hash(100000000));
  return 0;
}
