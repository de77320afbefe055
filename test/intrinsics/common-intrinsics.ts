// target: linux
// Asm-text checks for the intrinsics every target has (docs/language.md §7.3).

class Cpuid { eax: u32 = 0; ebx: u32 = 0; ecx: u32 = 0; edx: u32 = 0 }

// asm: ^rdtsc$
// asm: ^shl rdx, 32$
// asm: ^or r\w+, r\w+$
function timestamp(): u64 {
  rdtsc(); // unused, still executed (it orders nothing, but it is written)
  return rdtsc();
}

// asm: ^cpuid$
// asm: ^mov dword \[r\w+\], eax$
// asm: ^mov dword \[r\w+ \+ 4\], ebx$
// asm: ^mov dword \[r\w+ \+ 8\], ecx$
// asm: ^mov dword \[r\w+ \+ 12\], edx$
function identify(leaf: u32, r: Cpuid): void {
  cpuid(leaf, 0, r);
}

// asm: ^pause$
// asm: ^mfence$
// asm: ^lfence$
// asm: ^sfence$
function fences(): void {
  pause();
  mfence();
  lfence();
  sfence();
  compilerFence();
}

// asm: ^int3$
// asm: ^ud2$
function traps(fire: bool): void {
  if (fire) {
    int3();
    ud2();
  }
}

timestamp();
identify(0, new Cpuid());
fences();
traps(false);
