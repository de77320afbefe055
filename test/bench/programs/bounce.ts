// are-we-fast-yet Bounce: 100 balls bouncing in a box for 50 steps,
// 1331 bounces. Balls are freed after each iteration.
const ITERATIONS: i32 = 20000;

class Random {
  seed: i32 = 74755;
  next(): i32 {
    this.seed = (this.seed * 1309 + 13849) & 65535;
    return this.seed;
  }
}

function abs(x: i32): i32 {
  return x < 0 ? -x : x;
}

class Ball {
  x: i32;
  y: i32;
  xVel: i32;
  yVel: i32;

  constructor(random: Random) {
    this.x = random.next() % 500;
    this.y = random.next() % 500;
    this.xVel = (random.next() % 300) - 150;
    this.yVel = (random.next() % 300) - 150;
  }

  bounce(): bool {
    const xLimit: i32 = 500;
    const yLimit: i32 = 500;
    let bounced = false;
    this.x += this.xVel;
    this.y += this.yVel;
    if (this.x > xLimit) {
      this.x = xLimit;
      this.xVel = 0 - abs(this.xVel);
      bounced = true;
    }
    if (this.x < 0) {
      this.x = 0;
      this.xVel = abs(this.xVel);
      bounced = true;
    }
    if (this.y > yLimit) {
      this.y = yLimit;
      this.yVel = 0 - abs(this.yVel);
      bounced = true;
    }
    if (this.y < 0) {
      this.y = 0;
      this.yVel = abs(this.yVel);
      bounced = true;
    }
    return bounced;
  }
}

const BALLS: i32 = 100;
const balls = new Array<Ball>(BALLS);

function run(): i32 {
  const random = new Random();
  let bounces: i32 = 0;
  for (let i: i32 = 0; i < BALLS; i++) balls[i] = new Ball(random);
  for (let i: i32 = 0; i < 50; i++) {
    for (const ball of balls) {
      if (ball.bounce()) bounces += 1;
    }
  }
  for (let i: i32 = 0; i < BALLS; i++) free(balls[i]);
  free(random);
  return bounces;
}

let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = run();
  if (result != 1331) bad++;
}
console.log(result, bad);
