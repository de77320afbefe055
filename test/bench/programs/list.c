/* are-we-fast-yet List, the same algorithm as list.ts (NULL ends a list). */
#include <stdio.h>
#include <stdlib.h>
#include <stdbool.h>

#define ITERATIONS 12000
struct element { int val; struct element *next; };

static int length(struct element *e) {
  if (e->next == NULL) return 1;
  return 1 + length(e->next);
}

static struct element *makeList(int len) {
  if (len == 0) return NULL;
  struct element *e = calloc(1, sizeof *e);
  e->val = len;
  e->next = makeList(len - 1);
  return e;
}

static void freeList(struct element *e) {
  while (e) { struct element *next = e->next; free(e); e = next; }
}

static bool isShorterThan(struct element *x, struct element *y) {
  struct element *xTail = x, *yTail = y;
  while (yTail != NULL) {
    if (xTail == NULL) return true;
    xTail = xTail->next;
    yTail = yTail->next;
  }
  return false;
}

static struct element *tail(struct element *x, struct element *y, struct element *z) {
  if (isShorterThan(y, x))
    return tail(tail(x->next, y, z), tail(y->next, z, x), tail(z->next, x, y));
  return z;
}

static int run(void) {
  struct element *a = makeList(15), *b = makeList(10), *c = makeList(6);
  int result = length(tail(a, b, c));
  freeList(a);
  freeList(b);
  freeList(c);
  return result;
}

int main(void) {
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run();
    if (result != 10) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
