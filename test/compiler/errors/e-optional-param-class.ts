// error: TSK1016 @ 5
// Optional parameters of methods and constructors get the same diagnostic.
class Greeter {
  name: string = 'x';
  constructor(name?: string) {
    this.name = name ?? 'anon';
  }
}
console.log(new Greeter().name);
