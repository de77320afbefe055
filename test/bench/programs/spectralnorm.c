/* spectral-norm, the same algorithm as spectralnorm.ts. */
#include <stdio.h>
#include <stdint.h>

#define N 1000
static double u[N], v[N], tmp[N];

static double a(int i, int j) { return 1.0 / (double)(((i + j) * (i + j + 1)) / 2 + i + 1); }

static void multiplyAv(int n, const double *v, double *av) {
  for (int i = 0; i < n; i++) {
    double sum = 0.0;
    for (int j = 0; j < n; j++) sum += a(i, j) * v[j];
    av[i] = sum;
  }
}

static void multiplyAtv(int n, const double *v, double *atv) {
  for (int i = 0; i < n; i++) {
    double sum = 0.0;
    for (int j = 0; j < n; j++) sum += a(j, i) * v[j];
    atv[i] = sum;
  }
}

static void multiplyAtAv(int n, const double *v, double *out, double *t) {
  multiplyAv(n, v, t);
  multiplyAtv(n, t, out);
}

static double newtonSqrt(double x) {
  double r = x;
  for (int i = 0; i < 60; i++) r = 0.5 * (r + x / r);
  return r;
}

int main(void) {
  for (int i = 0; i < N; i++) u[i] = 1.0;
  for (int i = 0; i < 10; i++) {
    multiplyAtAv(N, u, v, tmp);
    multiplyAtAv(N, v, u, tmp);
  }
  double vBv = 0.0, vv = 0.0;
  for (int i = 0; i < N; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  printf("%lld\n", (long long)(int64_t)(newtonSqrt(vBv / vv) * 1e9));
  return 0;
}
