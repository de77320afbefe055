// Module-level objects are static; their constructors run in statement order.
let made: i32 = 0;
class Registry {
  id: i32;
  total: i64 = 0;
  constructor() {
    made++;
    this.id = made;
  }
  add(v: i64): void {
    this.total += v;
  }
}
console.log('before', made);
const first = new Registry();
console.log('after first', made, first.id);
const second = new Registry();
function record(v: i64): void {
  first.add(v);
  second.add(v * 2);
}
record(5);
record(5000000000);
console.log(first.id, first.total, second.id, second.total, made);
//= before 0
//= after first 1 1
//= 1 5000000005 2 10000000010 2
