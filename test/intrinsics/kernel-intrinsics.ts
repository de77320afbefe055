// target: kernel
// Asm-text checks for the privileged intrinsics (docs/language.md §7.2):
// each function's emitted code must contain the `// asm:` instructions and
// none of the `// asm-not:` ones. Results are used or discarded on purpose:
// intrinsics with effects are never removed, even when their value is unused.

class Cpuid { eax: u32 = 0; ebx: u32 = 0; ecx: u32 = 0; edx: u32 = 0 }

const buffer: usize = memory.data(4096);

// asm: ^out 128, al$
// asm: ^out dx, ax$
// asm: ^out dx, eax$
function portsOut(port: u16): void {
  outb(0x80, 1);
  outw(port, 2);
  outl(port, 3);
}

// asm: ^in al, 96$
// asm: ^in ax, dx$
// asm: ^in eax, dx$
function portsIn(port: u16): u32 {
  inb(0x60); // unused, still read: a device may count the access
  return u32(inw(port)) + inl(port);
}

// asm: ^rep insb$
// asm: ^rep insw$
// asm: ^rep insd$
// asm: ^rep outsb$
// asm: ^rep outsw$
// asm: ^rep outsd$
function strings(port: u16, n: usize): void {
  insb(port, buffer, n);
  insw(port, buffer, n);
  insl(port, buffer, n);
  outsb(port, buffer, n);
  outsw(port, buffer, n);
  outsl(port, buffer, n);
}

// asm: ^mov r\w+, cr0$
// asm: ^mov r\w+, cr2$
// asm: ^mov r\w+, cr3$
// asm: ^mov r\w+, cr4$
// asm: ^mov cr0, r\w+$
// asm: ^mov cr3, r\w+$
// asm: ^mov cr4, r\w+$
function controlRegisters(): u64 {
  readCr2(); // unused, still read
  writeCr0(readCr0() | 0x10000);
  writeCr3(readCr3());
  writeCr4(readCr4() | 0x600);
  return readCr2();
}

// asm: ^mov ecx, -1073741696$|^mov rcx, 3221225600$
// asm: ^rdmsr$
// asm: ^shl rdx, 32$
// asm: ^shr r\w+, 32$
// asm: ^wrmsr$
function msrs(): void {
  wrmsr(0xc0000080, rdmsr(0xc0000080) | 0x100);
}

// asm: ^pushfq$
// asm: ^popfq$
function flags(): u64 {
  const f = readFlags();
  writeFlags(f & ~u64(0x200));
  return f;
}

// asm: ^cli$
// asm: ^sti$
// asm: ^hlt$
// asm: ^swapgs$
// asm: ^stac$
// asm: ^clac$
function plain(): void {
  cli();
  sti();
  hlt();
  swapgs();
  stac();
  clac();
}

// asm: ^mov word \[rbp - \d+\], 4095$
// asm: ^mov qword \[rbp - \d+\], r\w+$
// asm: ^lidt \[rbp - \d+\]$
// asm: ^lgdt \[rbp - \d+\]$
// asm: ^ltr \w+$
// asm: ^invlpg \[r\w+\]$
function tables(): void {
  lidt(buffer, 4095);
  lgdt(buffer + 256, 47);
  ltr(0x28);
  invlpg(buffer);
}

// asm: ^cpuid$
// asm: ^push rbx$
// asm: ^pop rbx$
// asm: ^mov dword \[r\w+ \+ 4\], ebx$
function identify(r: Cpuid): u32 {
  cpuid(0, 0, r);
  return r.ebx;
}

// asm-not: xmm
// asm-not: \bst\d?\b
// asm-not: \[rsp - 
function noSseNoRedZone(a: u64, b: u64): u64 {
  let x = a;
  for (let i: u64 = 0; i < b; i++) x = x * 3 + rdtsc();
  return x;
}

portsOut(0x3f8);
portsIn(0x3f8);
strings(0x1f0, 1);
controlRegisters();
msrs();
flags();
plain();
tables();
identify(new Cpuid());
noSseNoRedZone(1, 2);
