// error: TSK1001 @ 2
class Holder<T> {
  constructor(public value: T) {}
}
