/* are-we-fast-yet Towers, the same algorithm as towers.ts (NULL ends a pile). */
#include <stdio.h>
#include <stdlib.h>

#define ITERATIONS 3000
struct disk { int size; struct disk *next; };
static struct disk *piles[3];
static int movesDone;

static void pushDisk(struct disk *disk, int pile) {
  struct disk *top = piles[pile];
  if (top && disk->size >= top->size) { fputs("Cannot put a big disk on a smaller one\n", stderr); exit(1); }
  disk->next = top;
  piles[pile] = disk;
}

static struct disk *popDiskFrom(int pile) {
  struct disk *top = piles[pile];
  if (!top) { fputs("Attempting to remove a disk from an empty pile\n", stderr); exit(1); }
  piles[pile] = top->next;
  top->next = NULL;
  return top;
}

static void moveTopDisk(int fromPile, int toPile) {
  pushDisk(popDiskFrom(fromPile), toPile);
  movesDone++;
}

static void buildTowerAt(int pile, int disks) {
  for (int i = disks; i >= 0; i--) {
    struct disk *d = calloc(1, sizeof *d);
    d->size = i;
    pushDisk(d, pile);
  }
}

static void moveDisks(int disks, int fromPile, int toPile) {
  if (disks == 1) {
    moveTopDisk(fromPile, toPile);
  } else {
    int otherPile = 3 - fromPile - toPile;
    moveDisks(disks - 1, fromPile, otherPile);
    moveTopDisk(fromPile, toPile);
    moveDisks(disks - 1, otherPile, toPile);
  }
}

static int run(void) {
  for (int i = 0; i < 3; i++) piles[i] = NULL;
  buildTowerAt(0, 13);
  movesDone = 0;
  moveDisks(13, 0, 1);
  for (int i = 0; i < 3; i++) {
    struct disk *d = piles[i];
    while (d) { struct disk *next = d->next; free(d); d = next; }
  }
  return movesDone;
}

int main(void) {
  int result = 0, bad = 0;
  for (int it = 0; it < ITERATIONS; it++) {
    result = run();
    if (result != 8191) bad++;
  }
  printf("%d %d\n", result, bad);
  return 0;
}
