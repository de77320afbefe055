// Objects made with new in a loop and freed: the heap reuses their memory.
class Particle {
  x: i32;
  v: i32;
  alive: bool = true;
  constructor(x: i32, v: i32) {
    this.x = x;
    this.v = v;
  }
  step(): void {
    this.x += this.v;
    if (this.x > 1000 || this.x < -1000) this.alive = false;
  }
}
function simulate(n: i32): i32 {
  let escaped: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const p = new Particle(i % 100, (i % 7) - 3);
    for (let t: i32 = 0; t < 400 && p.alive; t++) p.step();
    if (!p.alive) escaped++;
    free(p);
  }
  return escaped;
}
console.log(simulate(5000));
let total: i64 = 0;
for (let round: i32 = 0; round < 20000; round++) {
  const a = new Particle(round, 1);
  const b = new Particle(-round, 2);
  total += i64(a.x - b.x + a.v * b.v);
  free(b);
  free(a);
}
console.log(total);
//= 1429
//= 400020000
