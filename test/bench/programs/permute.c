/* are-we-fast-yet Permute, the same algorithm as permute.ts. */
#include <stdio.h>

#define ITERATIONS 8000
struct permute { int count; int v[6]; };

static void swap(struct permute *p, int i, int j) {
  int tmp = p->v[i];
  p->v[i] = p->v[j];
  p->v[j] = tmp;
}

static void permute(struct permute *p, int n) {
  p->count++;
  if (n != 0) {
    int n1 = n - 1;
    permute(p, n1);
    for (int i = n1; i >= 0; i--) {
      swap(p, n1, i);
      permute(p, n1);
      swap(p, n1, i);
    }
  }
}

static int run(struct permute *p) {
  p->count = 0;
  for (int i = 0; i < 6; i++) p->v[i] = 0;
  permute(p, 6);
  return p->count;
}

int main(void) {
  static struct permute bench;
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run(&bench);
    if (result != 8660) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
