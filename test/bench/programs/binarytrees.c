/* The benchmarks game's binary-trees, the same algorithm as binarytrees.ts:
   malloc and free for every node. */
#include <stdio.h>
#include <stdlib.h>

#define MIN_DEPTH 4
#define MAX_DEPTH 18

struct node { struct node *left, *right; };

static struct node *bottom_up(int depth) {
  struct node *t = malloc(sizeof *t);
  if (depth <= 0) {
    t->left = t->right = NULL;
  } else {
    t->left = bottom_up(depth - 1);
    t->right = bottom_up(depth - 1);
  }
  return t;
}

static int check(const struct node *t) {
  if (t->left == NULL || t->right == NULL) return 1;
  return 1 + check(t->left) + check(t->right);
}

static void release(struct node *t) {
  if (t->left) release(t->left);
  if (t->right) release(t->right);
  free(t);
}

int main(void) {
  int stretch_depth = MAX_DEPTH + 1;
  struct node *stretch = bottom_up(stretch_depth);
  printf("stretch tree of depth %d check: %d\n", stretch_depth, check(stretch));
  release(stretch);
  struct node *long_lived = bottom_up(MAX_DEPTH);
  for (int depth = MIN_DEPTH; depth <= MAX_DEPTH; depth += 2) {
    int iterations = 1 << (MAX_DEPTH - depth + MIN_DEPTH);
    int sum = 0;
    for (int i = 0; i < iterations; i++) {
      struct node *t = bottom_up(depth);
      sum += check(t);
      release(t);
    }
    printf("%d trees of depth %d check: %d\n", iterations, depth, sum);
  }
  printf("long lived tree of depth %d check: %d\n", MAX_DEPTH, check(long_lived));
  release(long_lived);
  return 0;
}
