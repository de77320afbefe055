/* are-we-fast-yet Bounce, the same algorithm as bounce.ts. */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>

#define ITERATIONS 20000
#define BALLS 100
struct random { int seed; };
struct ball { int x, y, xVel, yVel; };

static int next(struct random *r) {
  r->seed = (r->seed * 1309 + 13849) & 65535;
  return r->seed;
}

static int iabs(int x) { return x < 0 ? -x : x; }

static struct ball *newBall(struct random *random) {
  struct ball *b = calloc(1, sizeof *b);
  b->x = next(random) % 500;
  b->y = next(random) % 500;
  b->xVel = (next(random) % 300) - 150;
  b->yVel = (next(random) % 300) - 150;
  return b;
}

static bool bounce(struct ball *b) {
  const int xLimit = 500, yLimit = 500;
  bool bounced = false;
  b->x += b->xVel;
  b->y += b->yVel;
  if (b->x > xLimit) { b->x = xLimit; b->xVel = 0 - iabs(b->xVel); bounced = true; }
  if (b->x < 0) { b->x = 0; b->xVel = iabs(b->xVel); bounced = true; }
  if (b->y > yLimit) { b->y = yLimit; b->yVel = 0 - iabs(b->yVel); bounced = true; }
  if (b->y < 0) { b->y = 0; b->yVel = iabs(b->yVel); bounced = true; }
  return bounced;
}

static struct ball *balls[BALLS];

static int run(void) {
  struct random *random = calloc(1, sizeof *random);
  random->seed = 74755;
  int bounces = 0;
  for (int i = 0; i < BALLS; i++) balls[i] = newBall(random);
  for (int i = 0; i < 50; i++)
    for (int j = 0; j < BALLS; j++)
      if (bounce(balls[j])) bounces += 1;
  for (int i = 0; i < BALLS; i++) free(balls[i]);
  free(random);
  return bounces;
}

int main(void) {
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run();
    if (result != 1331) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
