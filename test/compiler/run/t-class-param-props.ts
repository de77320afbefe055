// Parameter properties of several types, public and private, mixed with fields.
class Employee {
  bonus: i32 = 0;
  constructor(
    public name: string,
    public age: u8,
    private salary: i64,
    readonly active: bool,
  ) {}
  raise(pct: i32): i64 {
    this.salary += i64(i32(this.salary / 100)) * i64(pct);
    return this.salary;
  }
  summary(): void {
    console.log(this.name, this.age, this.salary, this.active, this.bonus);
  }
}
const e = new Employee('ann', 34, 52000, true);
e.summary();
console.log(e.raise(10));
e.bonus = 500;
e.summary();
const f = new Employee('bob', 61, 0, false);
f.summary();
//= ann 34 52000 true 0
//= 57200
//= ann 34 57200 true 500
//= bob 61 0 false 0
