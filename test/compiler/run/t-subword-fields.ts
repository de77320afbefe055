// Sub-word fields and array elements with compound assignment and conversions.
class Pixel {
  r: u8 = 0;
  g: u8 = 0;
  b: u8 = 0;
  a: u8 = 255;
  brighten(d: u8): void {
    this.r = this.r > 255 - d ? 255 : this.r + d;
    this.g = this.g > 255 - d ? 255 : this.g + d;
    this.b = this.b > 255 - d ? 255 : this.b + d;
  }
  packed(): u32 {
    return u32((u32(this.a) << 24) | (u32(this.r) << 16) | (u32(this.g) << 8) | u32(this.b));
  }
}
const px = new Pixel();
px.r = 200;
px.g = 100;
px.b = 10;
px.brighten(60);
console.log(px.r, px.g, px.b, px.a, px.packed());
const levels = new Int8Array(4);
levels[0] = 100;
levels[0] += 27;
levels[1] = -100;
levels[1] -= 28;
levels[2] = 5;
levels[2] *= 5;
console.log(levels[0], levels[1], levels[2], levels[3]);
//= 255 160 70 255 4294942790
//= 127 -128 25 0
