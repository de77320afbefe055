/* are-we-fast-yet Storage, the same algorithm as storage.ts: a node is a
   struct holding its four subtrees or its leaf array. */
#include <stdio.h>
#include <stdlib.h>

#define ITERATIONS 600

struct tree { struct tree **kids; int *leaf; };

static int seed;
static int next_random(void) {
  seed = (seed * 1309 + 13849) & 65535;
  return seed;
}

static int count;

static struct tree *build(int depth) {
  count++;
  struct tree *t = calloc(1, sizeof *t);
  if (depth == 1) {
    t->leaf = calloc(next_random() % 10 + 1, sizeof(int));
    return t;
  }
  t->kids = calloc(4, sizeof *t->kids);
  for (int i = 0; i < 4; i++) t->kids[i] = build(depth - 1);
  return t;
}

static void free_tree(struct tree *t) {
  if (t->kids) {
    for (int i = 0; i < 4; i++) free_tree(t->kids[i]);
    free(t->kids);
  }
  free(t->leaf);
  free(t);
}

static int run(void) {
  seed = 74755;
  count = 0;
  free_tree(build(7));
  return count;
}

int main(void) {
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run();
    if (result != 5461) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
