/* The benchmarks game's fasta, the same algorithm as fasta.ts: integer
   thresholds for the random picks, lines built in a byte buffer and written
   with write(2). */
#include <string.h>
#include <stdint.h>
#include <unistd.h>

#define N 2500000
#define LINE 60
#define OUT_SIZE (1 << 16)
#define IM 139968

static const char ALU[] = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA";

static unsigned char out[OUT_SIZE];
static int used;
static int seed = 42;

static void flush(void) {
  if (write(1, out, used) != used) _exit(1);
  used = 0;
}

static void title(const char *s) {
  int n = (int)strlen(s);
  if (used + n + 1 > OUT_SIZE) flush();
  for (int i = 0; i < n; i++) out[used + i] = (unsigned char)s[i];
  out[used + n] = 10;
  used += n + 1;
}

static void repeat_fasta(const unsigned char *src, int srclen, int n) {
  int k = 0, left = n;
  while (left > 0) {
    int len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (int i = 0; i < len; i++) {
      out[used + i] = src[k];
      k++;
      if (k == srclen) k = 0;
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

static void thresholds(const int *weights, int count, int total, int *t) {
  int64_t cum = 0;
  for (int i = 0; i < count; i++) {
    cum += weights[i];
    t[i] = (int)(cum * IM / total);
  }
}

static void random_fasta(const unsigned char *codes, const int *thr, int n) {
  int left = n;
  while (left > 0) {
    int len = left < LINE ? left : LINE;
    if (used + len + 1 > OUT_SIZE) flush();
    for (int i = 0; i < len; i++) {
      seed = (seed * 3877 + 29573) % IM;
      int j = 0;
      while (thr[j] <= seed) j++;
      out[used + i] = codes[j];
    }
    out[used + len] = 10;
    used += len + 1;
    left -= len;
  }
}

int main(void) {
  static const int iub_w[15] = {27, 12, 12, 27, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
  static const int homo_w[4] = {302955, 197988, 197547, 301510};
  int iub[15], homo[4];
  thresholds(iub_w, 15, 100, iub);
  thresholds(homo_w, 4, 1000000, homo);
  title(">ONE Homo sapiens alu");
  repeat_fasta((const unsigned char *)ALU, (int)strlen(ALU), 2 * N);
  title(">TWO IUB ambiguity codes");
  random_fasta((const unsigned char *)"acgtBDHKMNRSVWY", iub, 3 * N);
  title(">THREE Homo sapiens frequency");
  random_fasta((const unsigned char *)"acgt", homo, 5 * N);
  flush();
  return 0;
}
