/* libmap.ts in C: a simple open-addressing map of int keys (linear probing,
   a multiplicative hash, deletion by backward shift, doubling at 3/4). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1 << 21)

typedef struct { int32_t *keys; int32_t *vals; uint8_t *used; uint32_t cap, count; } Map;

static uint32_t next(uint32_t x) { return x * 1664525u + 1013904223u; }
static uint32_t slot(const Map *m, int32_t k) { return (uint32_t)(((uint64_t)(uint32_t)k * 0x9e3779b97f4a7c15ull) >> 32) & (m->cap - 1); }

static void put(Map *m, int32_t k, int32_t v);

static void grow(Map *m) {
  Map old = *m;
  m->cap = old.cap ? old.cap * 2 : 8;
  m->count = 0;
  m->keys = malloc(m->cap * sizeof(int32_t));
  m->vals = malloc(m->cap * sizeof(int32_t));
  m->used = calloc(m->cap, 1);
  for (uint32_t i = 0; i < old.cap; i++) if (old.used[i]) put(m, old.keys[i], old.vals[i]);
  free(old.keys);
  free(old.vals);
  free(old.used);
}

static void put(Map *m, int32_t k, int32_t v) {
  if ((m->count + 1) * 4 > m->cap * 3) grow(m);
  uint32_t i = slot(m, k);
  while (m->used[i]) {
    if (m->keys[i] == k) { m->vals[i] = v; return; }
    i = (i + 1) & (m->cap - 1);
  }
  m->used[i] = 1;
  m->keys[i] = k;
  m->vals[i] = v;
  m->count++;
}

static int64_t find(const Map *m, int32_t k) {
  if (m->cap == 0) return -1;
  for (uint32_t i = slot(m, k); m->used[i]; i = (i + 1) & (m->cap - 1)) if (m->keys[i] == k) return i;
  return -1;
}

static int del(Map *m, int32_t k) {
  int64_t f = find(m, k);
  if (f < 0) return 0;
  uint32_t i = (uint32_t)f, mask = m->cap - 1;
  for (uint32_t j = (i + 1) & mask; m->used[j]; j = (j + 1) & mask) {
    uint32_t home = slot(m, m->keys[j]);
    if (((j - home) & mask) >= ((j - i) & mask)) {
      m->keys[i] = m->keys[j];
      m->vals[i] = m->vals[j];
      i = j;
    }
  }
  m->used[i] = 0;
  m->count--;
  return 1;
}

int main(void) {
  Map m = {0};
  uint32_t x = 1;
  for (int32_t i = 0; i < N; i++) { x = next(x); put(&m, (int32_t)(x >> 8), i); }
  int64_t sum = 0;
  x = 1;
  for (int32_t i = 0; i < N; i++) { x = next(x); int64_t f = find(&m, (int32_t)(x >> 8)); sum += f < 0 ? -1 : m.vals[f]; }
  int32_t hits = 0;
  for (int32_t i = 0; i < N; i++) { x = next(x); if (find(&m, (int32_t)(x >> 8)) >= 0) hits++; }
  int32_t deleted = 0;
  x = 1;
  for (int32_t i = 0; i < N / 2; i++) { x = next(x); deleted += del(&m, (int32_t)(x >> 8)); }
  printf("%u %lld %d %d\n", m.count, (long long)sum, hits, deleted);
  return 0;
}
