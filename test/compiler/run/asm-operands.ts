// Inline asm operands on the linux target (docs/language.md §11): inputs,
// outputs, inout and lateout in register classes and explicit registers,
// named and positional placeholders, width modifiers, outputs written to
// locals, globals, fields and elements, the result form, floats in xmm.
// node: skip (Node cannot run x86 assembly)

// inout: the same register in and out.
function add(a: u64, b: u64): u64 {
  let x = a;
  asm('add {x}, {b}', asm.inout('reg', x), asm.in('reg', b));
  return x;
}
console.log(add(40, 2), add(0xffffffffffffffff, 2));
//= 42 1

// The result form: an output without a place is asm's value.
function shl3(v: u32): u32 {
  return asm<u32>('lea {result}, [{v:r}*8]', asm.out('reg'), asm.in('reg', v));
}
console.log(shl3(5), shl3(0x20000000));
//= 40 0

// An early output (`out`) never shares an input's register: the template
// writes it before reading the input.
function early(a: i64, b: i64): i64 {
  let r: i64 = 0;
  asm('mov {r}, 100\nadd {r}, {a}\nadd {r}, {b}', asm.out('reg', r), asm.in('reg', a), asm.in('reg', b));
  return r;
}
console.log(early(1, 2), early(-100, 7));
//= 103 7

// lateout may reuse an input's register.
function late(a: i32, b: i32): i32 {
  return asm<i32>('lea {0}, [{1:r} + {2:r}]', asm.lateout('reg'), asm.in('reg', a), asm.in('reg', b));
}
console.log(late(20, 22), late(-5, 3));
//= 42 -2

// Positional placeholders and explicit registers; inout with a separate
// output place; a 16-bit modifier on a 64-bit value.
function xchgHalves(v: u64): u64 {
  let out: u64 = 0;
  asm('rol {0}, 32', asm.inout('rcx', v, out));
  return out;
}
console.log(xchgHalves(0x1122334455667788));
//= 6153737367135073092
function low16(v: u64): u64 {
  let w: u64 = 0;
  asm('xor {w}, {w}\nmov {w:x}, {v:x}', asm.out('reg', w), asm.in('reg', v));
  return w;
}
console.log(low16(0x123456789abc));
//= 39612

// Sub-word outputs are normalised to their type; a bool output from setc.
function carry(a: u32, b: u32): bool {
  let c = false;
  asm('add {a}, {b}\nsetc {c}', asm.in('reg', a), asm.in('reg', b), asm.out('reg', c), asm.clobber('rax'));
  return c;
}
function signByte(v: u32): i8 {
  let b: i8 = 0;
  asm('mov {b}, {v:l}', asm.out('reg', b), asm.in('reg', v));
  return b;
}
console.log(carry(0xffffffff, 1), carry(1, 2), signByte(0x1ff), signByte(0x7f));
//= true false -1 127

// Outputs written to a global, a field and an array element.
let g: u64 = 0;
class Box { v: i32 = 0; }
const box = new Box();
const arr = new Int32Array(3);
asm('mov {g}, 7\nmov {v}, -8\nmov {2}, 9', asm.out('reg', g), asm.out('reg', box.v), asm.out('reg', arr[1]));
console.log(g, box.v, arr[0], arr[1], arr[2]);
//= 7 -8 0 9 0

// Floats in xmm registers (process targets), class and explicit.
function fma(a: f64, b: f64, c: f64): f64 {
  let r = a;
  asm('mulsd {r}, {b}\naddsd {r}, {c}', asm.inout('xmm', r), asm.in('xmm', b), asm.in('xmm3', c));
  return r;
}
console.log(fma(1.5, 4, 0.25));
//= 6.25

// Multi-line templates as several string arguments; braces escaped.
function twice(v: i64): i64 {
  return asm<i64>('mov {result}, {v}', 'add {result}, {v} ; {{not a placeholder}}', asm.out('reg'), asm.in('reg', v));
}
console.log(twice(21));
//= 42

// cpuid through explicit registers: leaf 0's vendor string.
let maxLeaf: u32 = 0;
let ebx: u32 = 0;
let ecx: u32 = 0;
let edx: u32 = 0;
asm('cpuid', asm.inout('eax', u32(0), maxLeaf), asm.out('ebx', ebx), asm.out('ecx', ecx), asm.out('edx', edx));
const vendor = new Uint8Array(12);
for (let i: i32 = 0; i < 4; i++) {
  vendor[i] = u8(ebx >> u32(8 * i));
  vendor[i + 4] = u8(edx >> u32(8 * i));
  vendor[i + 8] = u8(ecx >> u32(8 * i));
}
let printable = maxLeaf > 0;
for (const c of vendor) if (c < 32 || c > 126) printable = false;
console.log(printable);
//= true

// rdtsc: the counter goes forward.
function rdtsc(): u64 {
  return asm<u64>('rdtsc\nshl rdx, 32\nor rax, rdx', asm.out('rax'), asm.clobber('rdx'), asm.options('nomem', 'nostack'));
}
const t0 = rdtsc();
let spin: u64 = 0;
for (let i: i32 = 0; i < 1000; i++) spin += u64(i);
const t1 = rdtsc();
console.log(t1 > t0, spin);
//= true 499500
