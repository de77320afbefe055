// The intrinsics every target has, run on the host: rdtsc counts up, and
// cpuid leaf 0 gives a known vendor and a sane highest leaf. Prints the
// vendor and the maximum leaf for the test to compare with /proc/cpuinfo.

class Cpuid { eax: u32 = 0; ebx: u32 = 0; ecx: u32 = 0; edx: u32 = 0 }

function printBytes(v: u32): void {
  for (let i: u32 = 0; i < 4; i++) {
    const b = (v >> (8 * i)) & 0xff;
    if (b < 32 || b > 126) console.log('bad vendor byte', b);
  }
}

let last = rdtsc();
let monotonic = true;
for (let i = 0; i < 1000; i++) {
  const now = rdtsc();
  if (now < last) monotonic = false;
  last = now;
}
const start = rdtsc();
let spin: u64 = 0;
for (let i: u64 = 0; i < 100000; i++) spin = spin + i;
console.log('monotonic', monotonic, 'advanced', rdtsc() > start, spin > 0);

const r = new Cpuid();
cpuid(0, 0, r);
printBytes(r.ebx);
printBytes(r.edx);
printBytes(r.ecx);
console.log('maxleaf', r.eax);
// The vendor: ebx, edx, ecx as 12 ASCII bytes.
console.log('vendor', r.ebx, r.edx, r.ecx);
cpuid(1, 0, r);
console.log('family', (r.eax >> 8) & 0xf);
