/* are-we-fast-yet Queens, the same algorithm as queens.ts. */
#include <stdio.h>
#include <stdbool.h>

#define ITERATIONS 20000
struct queens { bool freeRows[8], freeMaxs[16], freeMins[16]; int queenRows[8]; };

static bool getRowColumn(struct queens *q, int r, int c) {
  return q->freeRows[r] && q->freeMaxs[c + r] && q->freeMins[c - r + 7];
}

static void setRowColumn(struct queens *q, int r, int c, bool v) {
  q->freeRows[r] = v;
  q->freeMaxs[c + r] = v;
  q->freeMins[c - r + 7] = v;
}

static bool placeQueen(struct queens *q, int c) {
  for (int r = 0; r < 8; r++) {
    if (getRowColumn(q, r, c)) {
      q->queenRows[r] = c;
      setRowColumn(q, r, c, false);
      if (c == 7) return true;
      if (placeQueen(q, c + 1)) return true;
      setRowColumn(q, r, c, true);
    }
  }
  return false;
}

static bool queens(struct queens *q) {
  for (int i = 0; i < 8; i++) q->freeRows[i] = true;
  for (int i = 0; i < 16; i++) q->freeMaxs[i] = true;
  for (int i = 0; i < 16; i++) q->freeMins[i] = true;
  for (int i = 0; i < 8; i++) q->queenRows[i] = -1;
  return placeQueen(q, 0);
}

static bool run(struct queens *q) {
  bool result = true;
  for (int i = 0; i < 10; i++) result = result && queens(q);
  return result;
}

int main(void) {
  static struct queens bench;
  bool result = true;
  int bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run(&bench);
    if (!result) bad++;
  }
  printf("%s %d\n", result ? "true" : "false", bad);
  return 0;
}
