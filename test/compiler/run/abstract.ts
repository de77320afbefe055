// Abstract classes and methods: every concrete subclass fills the slot.
interface Named {
  name(): string;
}
abstract class Animal implements Named {
  constructor(public legs: i32) {}
  abstract sound(): string;
  abstract name(): string;
  describe(): void {
    console.log(this.name(), 'says', this.sound(), 'on', this.legs, 'legs');
  }
}
class Dog extends Animal {
  constructor() {
    super(4);
  }
  sound(): string {
    return 'woof';
  }
  name(): string {
    return 'dog';
  }
}
class Bird extends Animal {
  constructor() {
    super(2);
  }
  sound(): string {
    return 'tweet';
  }
  name(): string {
    return 'bird';
  }
}
const zoo: Animal[] = [new Dog(), new Bird()];
for (const a of zoo) a.describe();
const n: Named = zoo[1];
console.log(n.name(), zoo[0].sound());
//= dog says woof on 4 legs
//= bird says tweet on 2 legs
//= bird woof
