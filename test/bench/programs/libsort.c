/* libsort.ts in C: a growable array, qsort with a comparator and bsearch. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1 << 20)

static uint32_t next(uint32_t x) { return x * 1664525u + 1013904223u; }
static int compare(const void *a, const void *b) {
  int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
  return x < y ? -1 : x > y ? 1 : 0;
}

int main(void) {
  int32_t *v = NULL;
  size_t len = 0, cap = 0;
  uint32_t x = 7;
  for (int32_t i = 0; i < N; i++) {
    x = next(x);
    if (len == cap) { cap = cap ? cap * 2 : 4; v = realloc(v, cap * sizeof *v); }
    v[len++] = (int32_t)(x >> 4);
  }
  qsort(v, len, sizeof *v, compare);
  int64_t sum = 0;
  for (int32_t i = 0; i < N; i++) sum += (int64_t)(v[i] % 1000) * (i % 1000);
  int32_t found = 0;
  for (int32_t i = 0; i < N; i++) {
    x = next(x);
    int32_t key = (int32_t)(x >> 4);
    if (bsearch(&key, v, len, sizeof *v, compare)) found++;
  }
  printf("%zu %lld %d\n", len, (long long)sum, found);
  free(v);
  return 0;
}
