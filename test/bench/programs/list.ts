// are-we-fast-yet List: the Takeuchi-like tail of three linked lists, whose
// length is 10. Lists end in a sentinel element rather than null (nullable
// references are not in the subset yet); they are freed after each iteration.
const ITERATIONS: i32 = 12000;

class Element {
  next!: Element;
  constructor(public val: i32) {}

  length(nil: Element): i32 {
    if (this.next === nil) return 1;
    return 1 + this.next.length(nil);
  }
}

class List {
  readonly nil: Element;
  constructor(nil: Element) {
    this.nil = nil;
  }

  run(): i32 {
    const a = this.makeList(15);
    const b = this.makeList(10);
    const c = this.makeList(6);
    const result = this.tail(a, b, c).length(this.nil);
    this.freeList(a);
    this.freeList(b);
    this.freeList(c);
    return result;
  }

  makeList(length: i32): Element {
    if (length == 0) return this.nil;
    const e = new Element(length);
    e.next = this.makeList(length - 1);
    return e;
  }

  freeList(e: Element): void {
    while (e !== this.nil) {
      const next = e.next;
      free(e);
      e = next;
    }
  }

  isShorterThan(x: Element, y: Element): bool {
    let xTail = x;
    let yTail = y;
    while (yTail !== this.nil) {
      if (xTail === this.nil) return true;
      xTail = xTail.next;
      yTail = yTail.next;
    }
    return false;
  }

  tail(x: Element, y: Element, z: Element): Element {
    if (this.isShorterThan(y, x)) {
      return this.tail(this.tail(x.next, y, z), this.tail(y.next, z, x), this.tail(z.next, x, y));
    }
    return z;
  }
}

const nilElement = new Element(0);
nilElement.next = nilElement;
const bench = new List(nilElement);
let result: i32 = 0;
let bad: i32 = 0;
for (let it: i32 = 0; it < ITERATIONS; it++) {
  result = bench.run();
  if (result != 10) bad++;
}
console.log(result, bad);
