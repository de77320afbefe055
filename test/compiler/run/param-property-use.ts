// A parameter property's name inside the constructor is the parameter, as
// in JavaScript: `size` reads (and may be reassigned as) the argument, while
// `this.size` is the field it was stored into first.
class Buffer {
  twice: i32;
  constructor(public readonly size: i32, public label: string) {
    this.twice = size * 2;
    size = size + 1;
    this.label = size > 10 ? label : 'small';
  }
}

class Pair extends Buffer {
  constructor(public extra: i32) {
    super(extra * 10, 'pair');
    this.twice += extra;
  }
}

const b = new Buffer(21, 'big');
console.log(b.size, b.twice, b.label);
const p = new Pair(2);
console.log(p.size, p.twice, p.label, p.extra);
//= 21 42 big
//= 20 42 pair 2
