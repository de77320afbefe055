// #private fields and methods (laid out like other fields), readonly
// fields, and instanceof through the vtable with TypeScript's narrowing.
class Counter {
  #count: i32 = 0;
  readonly step: i32;
  readonly label: string;
  constructor(step: i32, label: string) {
    this.step = step;
    this.label = label;
  }
  #bump(): void {
    this.#count += this.step;
  }
  tick(): i32 {
    this.#bump();
    return this.#count;
  }
}
class Base {
  #secret: i32 = 1;
  reveal(): i32 {
    return this.#secret;
  }
}
class Derived extends Base {
  #secret: i32 = 2;
  mine(): i32 {
    return this.#secret * 10 + this.reveal();
  }
}
interface Animal {
  sound(): string;
}
class Dog implements Animal {
  sound(): string {
    return 'woof';
  }
  fetch(): i32 {
    return 7;
  }
}
class Puppy extends Dog {
  override sound(): string {
    return 'yip';
  }
}
class Cat implements Animal {
  lives: i32 = 9;
  sound(): string {
    return 'meow';
  }
}
function describe(a: Animal | null): i32 {
  if (a instanceof Cat) return a.lives;
  if (a instanceof Dog) return a.fetch();
  return -1;
}
const c = new Counter(3, 'c');
c.tick();
console.log(c.tick(), c.step, c.label);
console.log(new Derived().mine());
const zoo: (Animal | null)[] = [new Dog(), new Cat(), new Puppy(), null];
for (const a of zoo) console.log(describe(a), a instanceof Dog, a instanceof Puppy, a instanceof Cat);
const d: Dog = new Puppy();
console.log(d instanceof Puppy, d instanceof Dog);
//= 6 3 c
//= 21
//= 7 true false false
//= 9 false false true
//= 7 true true false
//= -1 false false false
//= true true
