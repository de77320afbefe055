// Loads and stores of every width through alloc slots and data symbols,
// data items in every section, volatile stores and raw syscalls.
import { describe, it, expect } from 'vitest';
import { buildAndRun, PRELUDE } from './run.js';

function run(text: string): { lines: string[]; status: number | null; stdout: string; asm: string } {
  const r = buildAndRun(`init $main\n${PRELUDE}\n${text}`);
  return { lines: r.stdout.split('\n').slice(0, -1), status: r.status, stdout: r.stdout, asm: r.asm };
}

const prints = (vals: string[]): string => vals.map((v) => `  call $print(${v})`).join('\n');

describe('memory', () => {
  it('loads every width from data symbols with sign and zero extension', () => {
    // Layout of $bytes: 0: b 255, 1: b 127, 2: h 65535, 4: h 32767, 6: w -1, 10: w 0x7fffffff, 14: l -2
    const text = `
data $bytes = data align 8 { b 255, b 127, h 65535, h 32767, w -1, w 2147483647, l -2, z 8 }

function $main() {
@start.0
  %a.1 =l loadsb $bytes
  %a.2 =l loadub $bytes
  %p.3 =l add $bytes, 1
  %a.4 =l loadsb %p.3
  %p.5 =l add $bytes, 2
  %a.6 =l loadsh %p.5
  %a.7 =l loaduh %p.5
  %p.8 =l add $bytes, 6
  %a.9 =l loadsw %p.8
  %a.10 =l loaduw %p.8
  %p.11 =l add $bytes, 14
  %a.12 =l loadl %p.11
  %w.13 =w loadsb $bytes
  %w.14 =w loadub $bytes
  %w.15 =w loadsh %p.5
  %w.16 =w loaduh %p.5
  %w.17 =w loadsw %p.8
  %w.18 =w loaduw %p.8
  %x.19 =l extsw %w.13
  %x.20 =l extsw %w.14
  %x.21 =l extsw %w.15
  %x.22 =l extsw %w.16
  %x.23 =l extsw %w.17
  %x.24 =l extuw %w.18
${prints(['%a.1', '%a.2', '%a.4', '%a.6', '%a.7', '%a.9', '%a.10', '%a.12', '%x.19', '%x.20', '%x.21', '%x.22', '%x.23', '%x.24'])}
  ret
}`;
    expect(run(text).lines).toEqual(['-1', '255', '127', '-1', '65535', '-1', '4294967295', '-2', '-1', '255', '-1', '65535', '-1', '4294967295']);
  });

  it('stores every width into an alloc slot and reads back through other widths', () => {
    const text = `
function $fill(l %p.0, w %v.1) {
@start.0
  %q.2 =l add %p.0, 8
  storew %v.1, %q.2
  ret
}

function $main() {
@start.0
  %s.1 =l alloc 16, 8
  storel 1234605616436508552, %s.1
  %a.2 =l loadub %s.1
  %a.3 =l loadsb %s.1
  %t.4 =w add 0, 511
  %p.5 =l add %s.1, 1
  storeb %t.4, %p.5
  %a.6 =l loaduh %s.1
  %p.7 =l add %s.1, 2
  storeh -2, %p.7
  %a.8 =l loadsw %s.1
  storew 305419896, %s.1
  %a.9 =l loadl %s.1
  call $fill(%s.1, -7)
  %p.10 =l add %s.1, 8
  %a.11 =l loadsw %p.10
  %b.12 =l alloc 8, 8
  volatile storeb 65, %b.12
  %a.13 =l loadub %b.12
  storel -9223372036854775807, %b.12
  %a.14 =l loadl %b.12
${prints(['%a.2', '%a.3', '%a.6', '%a.8', '%a.9', '%a.11', '%a.13', '%a.14'])}
  ret
}`;
    // 0x1122334455667788: byte 0 = 0x88; after storeb 0xff at 1: low half 0xff88;
    // after storeh 0xfffe at 2: low word 0xfffeff88 (negative);
    // after storew 0x12345678 at 0: 0x1122334412345678.
    expect(run(text).lines).toEqual([
      String(0x88), String(0x88 - 256), String(0xff88), String(0xfffeff88 - 2 ** 32),
      String(0x1122334412345678n), '-7', '65', '-9223372036854775807',
    ]);
  });

  it('writes a rodata string with the write syscall, and reads data through addresses in data', () => {
    const text = `
data $msg = rodata align 1 { b "hello, \\"world\\"\\n" }
data $ptrs = rodata align 8 { l $msg, l $counter }
data $counter = data align 8 { l 41 }
data $zeros = bss align 16 { z 64 }

function $main() {
@start.0
  %n.1 =l syscall 1, 1, $msg, 15
  %p.2 =l loadl $ptrs
  %c.3 =l loadub %p.2
  %q.4 =l add $ptrs, 8
  %r.5 =l loadl %q.4
  %v.6 =l loadl %r.5
  %v.7 =l add %v.6, 1
  storel %v.7, $counter
  %v.8 =l loadl $counter
  %z.9 =l add $zeros, 56
  %z.10 =l loadl %z.9
  storel -1, %z.9
  %z.11 =l loadl %z.9
${prints(['%n.1', '%c.3', '%v.8', '%z.10', '%z.11'])}
  ret
}`;
    const r = run(text);
    expect(r.stdout).toBe('hello, "world"\n15\n104\n42\n0\n-1\n');
    expect(r.asm).toMatch(/section \.rodata progbits alloc noexec nowrite align=16/);
    expect(r.asm).toMatch(/section \.bss nobits alloc noexec write align=4096/);
    expect(r.asm).toMatch(/global \$msg:data 15/);
  });

  it('exits with a status through the exit syscall', () => {
    const r = run(`
function $main() {
@start.0
  %c.1 =w add 40, 2
  call $exit(%c.1)
  ret
}`);
    expect(r.status).toBe(42);
  });
});
