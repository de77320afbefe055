/* A kernel-shaped workload, the same algorithm as kernelish.ts: a bitmap
   frame allocator, a byte ring buffer and page-sized byte copies. */
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>

#define ROUNDS 40000
#define FRAMES (1 << 16)
#define PAGE 4096
#define POOL 64
#define RING 1024

static uint32_t bits[FRAMES >> 5];
static int hint;

static int frame_alloc(void) {
  int words = FRAMES >> 5;
  for (int n = 0; n < words; n++) {
    int w = hint + n;
    if (w >= words) w -= words;
    uint32_t word = bits[w];
    if (word != 0xffffffffu) {
      uint32_t b = 0;
      while (((word >> b) & 1) != 0) b++;
      bits[w] = word | (1u << b);
      hint = w;
      return w * 32 + (int)b;
    }
  }
  return -1;
}

static void frame_release(int frame) {
  int w = frame >> 5;
  bits[w] &= ~(1u << (frame & 31));
  if (w < hint) hint = w;
}

struct ring { uint8_t data[RING]; int head, tail; };

static bool ring_push(struct ring *r, uint8_t b) {
  if (r->head - r->tail == RING) return false;
  r->data[r->head & (RING - 1)] = b;
  r->head++;
  return true;
}

static int ring_pop(struct ring *r) {
  if (r->head == r->tail) return -1;
  int b = r->data[r->tail & (RING - 1)];
  r->tail++;
  return b;
}

static uint8_t pool[POOL * PAGE];
static int owned[POOL];
static int seed = 74755;

static int next_random(void) {
  seed = (seed * 1309 + 13849) & 65535;
  return seed;
}

static void copy_page(int dst, int src) {
  int d = dst * PAGE, s = src * PAGE;
  for (int i = 0; i < PAGE; i++) pool[d + i] = pool[s + i];
}

static int stream(struct ring *r, int page) {
  int base = page * PAGE, sum = 0, sent = 0;
  while (sent < PAGE) {
    while (sent < PAGE && ring_push(r, pool[base + sent])) sent++;
    int b = ring_pop(r);
    while (b >= 0) {
      sum = (sum * 31 + b) & 0xffffff;
      b = ring_pop(r);
    }
  }
  return sum;
}

int main(void) {
  static struct ring ring;
  for (int i = 0; i < PAGE; i++) pool[i] = (uint8_t)(i * 7 + 3);
  for (int f = 0; f < FRAMES / 2; f += 3) bits[f >> 5] |= 1u << (f & 31);
  for (int i = 0; i < POOL; i++) owned[i] = frame_alloc();
  int check = 0;
  for (int round = 0; round < ROUNDS; round++) {
    for (int k = 0; k < 8; k++) {
      int slot = next_random() & (POOL - 1);
      frame_release(owned[slot]);
      owned[slot] = frame_alloc();
    }
    int src = next_random() & (POOL - 1);
    int dst = (src + 1 + (next_random() & 31)) & (POOL - 1);
    copy_page(dst, src);
    pool[dst * PAGE + (round & (PAGE - 1))] = (uint8_t)round;
    check = (check * 17 + stream(&ring, dst) + owned[dst]) & 0xffffff;
  }
  printf("%d %d\n", check, frame_alloc());
  return 0;
}
