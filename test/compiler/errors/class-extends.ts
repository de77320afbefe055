// error: TSK1001 @ 2
abstract class Base {
  abstract run(): void;
}
