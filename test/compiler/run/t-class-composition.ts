// Composition: objects holding objects and arrays, updated through chains.
class Engine {
  rpm: i32 = 0;
  constructor(public power: i32) {}
}
class Wheel {
  pressure: u8 = 32;
}
class Car {
  engine: Engine;
  wheels: Wheel[];
  odometer: i64 = 0;
  constructor(
    public name: string,
    power: i32,
  ) {
    this.engine = new Engine(power);
    this.wheels = [new Wheel(), new Wheel(), new Wheel(), new Wheel()];
  }
  drive(km: i32): void {
    this.engine.rpm = km * 30;
    this.odometer += i64(km);
    for (const w of this.wheels) w.pressure = u8(w.pressure - 1);
  }
}
const car = new Car('roadster', 150);
car.drive(100);
car.drive(250);
car.wheels[2].pressure = 40;
let p: i32 = 0;
for (const w of car.wheels) p += i32(w.pressure);
console.log(car.name, car.engine.power, car.engine.rpm, car.odometer, p, car.wheels.length);
//= roadster 150 7500 350 130 4
