/* mandelbrot, the same algorithm as mandelbrot.ts. */
#include <stdio.h>

static void mandelbrot(int size) {
  int inside = 0, checksum = 0, byte = 0, bits = 0;
  for (int y = 0; y < size; y++) {
    double ci = 2.0 * (double)y / (double)size - 1.0;
    for (int x = 0; x < size; x++) {
      double cr = 2.0 * (double)x / (double)size - 1.5;
      double zr = 0.0, zi = 0.0, tr = 0.0, ti = 0.0;
      int i = 0;
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
  printf("%d %d\n", inside, checksum);
}

int main(void) {
  mandelbrot(1000);
  return 0;
}
