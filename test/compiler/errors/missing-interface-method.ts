// error: TS2420 @ 5
interface Device {
  reset(): void;
}
class Broken implements Device {}
