// Interfaces implemented by classes and called through the interface type:
// the kernel's driver model (one CharDevice, several devices).
interface CharDevice {
  write(b: i32): i32;
  name(): string;
}
class NullDevice implements CharDevice {
  written: i32 = 0;
  write(b: i32): i32 {
    this.written++;
    return 1;
  }
  name(): string {
    return 'null';
  }
}
class Recorder implements CharDevice {
  sum: i32 = 0;
  constructor(public label: string) {}
  write(b: i32): i32 {
    this.sum += b;
    return b;
  }
  name(): string {
    return this.label;
  }
}
class LoudRecorder extends Recorder {
  write(b: i32): i32 {
    return super.write(b * 10);
  }
}
function writeAll(dev: CharDevice, n: i32): i32 {
  let total: i32 = 0;
  for (let i: i32 = 1; i <= n; i++) total += dev.write(i);
  return total;
}
const devices: CharDevice[] = [new NullDevice(), new Recorder('rec'), new LoudRecorder('loud')];
for (const d of devices) console.log(d.name(), writeAll(d, 4));
const r = new Recorder('direct');
const asDevice: CharDevice = r;
asDevice.write(7);
console.log(r.sum, asDevice.name());
//= null 4
//= rec 10
//= loud 100
//= 7 direct
