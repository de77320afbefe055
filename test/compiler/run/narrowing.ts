// TypeScript's narrowing after instanceof (the variable is used as the
// subclass, and may be reassigned), static #private fields.
interface Animal {
  sound(): string;
}
class Dog implements Animal {
  sound(): string {
    return 'woof';
  }
}
class Cat implements Animal {
  lives: i32 = 9;
  static #made: i32 = 0;
  constructor() {
    Cat.#made++;
  }
  static made(): i32 {
    return Cat.#made;
  }
  sound(): string {
    return 'meow';
  }
}
let a: Animal = new Cat();
if (a instanceof Cat) {
  a.lives = 3;
  console.log(a.lives);
  a = new Dog();
  console.log(a.sound());
}
let c: Animal | null = new Cat();
while (c instanceof Cat) {
  c.lives--;
  if (c.lives < 5) c = null;
}
console.log(c === null, Cat.made());
//= 3
//= woof
//= true 2
