// mandelbrot (Benchmarks Game) on a 1000 x 1000 grid, 50 iterations with
// escape limit 2: prints the number of points inside and a checksum of the
// PBM bitmap bytes instead of the bitmap.
function mandelbrot(size: i32): void {
  let inside: i32 = 0;
  let checksum: i32 = 0;
  let byte: i32 = 0;
  let bits: i32 = 0;
  for (let y: i32 = 0; y < size; y++) {
    const ci = 2.0 * f64(y) / f64(size) - 1.0;
    for (let x: i32 = 0; x < size; x++) {
      const cr = 2.0 * f64(x) / f64(size) - 1.5;
      let zr = 0.0;
      let zi = 0.0;
      let tr = 0.0;
      let ti = 0.0;
      let i: i32 = 0;
      while (i < 50 && tr + ti <= 4.0) {
        zi = 2.0 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      byte = byte << 1;
      if (tr + ti <= 4.0) {
        byte = byte | 1;
        inside++;
      }
      bits++;
      if (bits == 8 || x == size - 1) {
        byte = byte << (8 - bits);
        checksum = (checksum * 31 + byte) & 0xffffff;
        byte = 0;
        bits = 0;
      }
    }
  }
  console.log(inside, checksum);
}

mandelbrot(1000);
