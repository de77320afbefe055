// Methods and static methods with default parameters.
class Formatter {
  static count: i32 = 0;
  constructor(public width: i32 = 8) {}
  pad(v: i32, fill: i32 = 0, extra: i32 = Formatter.count): i32 {
    Formatter.count++;
    return v * 1000 + fill * 100 + this.width + extra;
  }
  static make(width: i32 = 3): Formatter {
    return new Formatter(width);
  }
}
const f = new Formatter();
console.log(f.width, f.pad(1), f.pad(2, 5), f.pad(3, 5, 0));
const g = Formatter.make();
const h = Formatter.make(11);
console.log(g.width, h.width, g.pad(4), Formatter.count);
//= 8 1008 2509 3508
//= 3 11 4006 4
