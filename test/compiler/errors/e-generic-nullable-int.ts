// error: TSK1012 @ 5
// `T | null` is a type only when T is a reference.
class Slot<T> {
  value: T | null = null;
  take(): T | null {
    return this.value;
  }
}
const s = new Slot<i32>();
console.log(s.take() === null);
