// Classes as structs: fields, constructors, methods, static members, this.
class Point {
  x: i32;
  y: i32;
  constructor(x: i32, y: i32) {
    this.x = x;
    this.y = y;
  }
  lengthSquared(): i32 {
    return this.x * this.x + this.y * this.y;
  }
  translate(dx: i32, dy: i32): void {
    this.x += dx;
    this.y += dy;
  }
  static origin(): Point {
    return new Point(0, 0);
  }
}

class Counter {
  static created: i32 = 0;
  count: i32 = 0;
  step: i32;
  label: string = 'counter';
  constructor(step: i32 = 1) {
    this.step = step;
    Counter.created++;
  }
  tick(): i32 {
    this.count += this.step;
    return this.count;
  }
}

class Account {
  constructor(public id: i32, public balance: i64) {}
  deposit(amount: i64): bool {
    if (amount <= 0) return false;
    this.balance += amount;
    return true;
  }
}

const p = new Point(3, 4);
console.log(p.x, p.y, p.lengthSquared());
p.translate(1, -1);
console.log(p.x, p.y, p.lengthSquared());
const o = Point.origin();
console.log(o.x, o.y);

let c = new Counter();
let d = new Counter(5);
c.tick();
c.tick();
d.tick();
console.log(c.count, d.count, c.label, Counter.created);

const acct = new Account(7, 100);
console.log(acct.deposit(50), acct.deposit(-1), acct.id, acct.balance);
//= 3 4 25
//= 4 3 25
//= 0 0
//= 2 5 counter 2
//= true false 7 150
