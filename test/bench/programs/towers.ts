// are-we-fast-yet Towers: move 13 disks between three piles, 8191 moves.
// The piles are linked lists whose end is a sentinel disk rather than null
// (nullable references are not in the subset yet); disks are freed after
// each iteration.
const ITERATIONS: i32 = 3000;

class TowersDisk {
  next!: TowersDisk;
  constructor(public size: i32) {}
}

class Towers {
  readonly nil: TowersDisk;
  readonly piles: TowersDisk[] = new Array<TowersDisk>(3);
  movesDone: i32 = 0;

  constructor(nil: TowersDisk) {
    this.nil = nil;
  }

  run(): i32 {
    for (let i: i32 = 0; i < 3; i++) this.piles[i] = this.nil;
    this.buildTowerAt(0, 13);
    this.movesDone = 0;
    this.moveDisks(13, 0, 1);
    for (let i: i32 = 0; i < 3; i++) {
      let d = this.piles[i];
      while (d !== this.nil) {
        const next = d.next;
        free(d);
        d = next;
      }
    }
    return this.movesDone;
  }

  pushDisk(disk: TowersDisk, pile: i32): void {
    const top = this.piles[pile];
    if (top !== this.nil && disk.size >= top.size) throw new Error('Cannot put a big disk on a smaller one');
    disk.next = top;
    this.piles[pile] = disk;
  }

  popDiskFrom(pile: i32): TowersDisk {
    const top = this.piles[pile];
    if (top === this.nil) throw new Error('Attempting to remove a disk from an empty pile');
    this.piles[pile] = top.next;
    top.next = this.nil;
    return top;
  }

  moveTopDisk(fromPile: i32, toPile: i32): void {
    this.pushDisk(this.popDiskFrom(fromPile), toPile);
    this.movesDone++;
  }

  buildTowerAt(pile: i32, disks: i32): void {
    for (let i: i32 = disks; i >= 0; i--) {
      const disk = new TowersDisk(i);
      disk.next = this.nil;
      this.pushDisk(disk, pile);
    }
  }

  moveDisks(disks: i32, fromPile: i32, toPile: i32): void {
    if (disks == 1) {
      this.moveTopDisk(fromPile, toPile);
    } else {
      const otherPile = 3 - fromPile - toPile;
      this.moveDisks(disks - 1, fromPile, otherPile);
      this.moveTopDisk(fromPile, toPile);
      this.moveDisks(disks - 1, otherPile, toPile);
    }
  }
}

const nilDisk = new TowersDisk(1 << 30);
nilDisk.next = nilDisk;
const bench = new Towers(nilDisk);
let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = bench.run();
  if (result != 8191) bad++;
}
console.log(result, bad);
