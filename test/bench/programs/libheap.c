/* libheap.ts in C: the same binary min-heap on a growable array. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1 << 20)

static uint32_t next(uint32_t x) { return x * 1664525u + 1013904223u; }

static int32_t *heap;
static size_t len, cap;

static void push(int32_t x) {
  if (len == cap) { cap = cap ? cap * 2 : 8; heap = realloc(heap, cap * sizeof *heap); }
  size_t i = len++;
  while (i > 0) {
    size_t parent = (i - 1) / 2;
    if (x >= heap[parent]) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = x;
}

static int32_t pop(void) {
  int32_t top = heap[0], last = heap[--len];
  size_t n = len, i = 0;
  if (n == 0) return top;
  for (;;) {
    size_t child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap[child + 1] < heap[child]) child++;
    if (last <= heap[child]) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
  return top;
}

int main(void) {
  uint32_t x = 3;
  for (int32_t i = 0; i < N; i++) { x = next(x); push((int32_t)(x >> 8)); }
  int64_t sum = 0;
  for (int32_t i = 0; i < 2 * N; i++) {
    int32_t t = pop();
    sum = (sum + t) % 1000000007;
    x = next(x);
    push(t + (int32_t)(x >> 16));
  }
  while (len > 0) sum = (sum + pop()) % 1000000007;
  printf("%lld\n", (long long)sum);
  free(heap);
  return 0;
}
