// Static fields, static methods and static readonly constants.
class Ids {
  static readonly START: i32 = 1000;
  static next: i32 = Ids.START;
  static issued: i64 = 0;
  static take(): i32 {
    Ids.issued++;
    return Ids.next++;
  }
  static reset(): void {
    Ids.next = Ids.START;
  }
}
class Thing {
  id: i32;
  constructor() {
    this.id = Ids.take();
  }
}
const a = new Thing();
const b = new Thing();
console.log(a.id, b.id, Ids.issued, Ids.START * 2);
Ids.reset();
const c = new Thing();
console.log(c.id, Ids.next, Ids.issued);
//= 1000 1001 2 2000
//= 1000 1001 3
