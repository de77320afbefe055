// constfold: pure instructions with constant operands are evaluated at
// compile time, wrapping to their class (results read back as signed), and
// their uses replaced; division by zero is never folded (it traps as
// written); nothing with effects or a non-constant operand is touched.
import { describe, expect, it } from 'vitest';
import { constFold } from '../../compiler/passes/constfold.js';
import { body, run } from './helpers.js';

/** One instruction `%r.1 =<cls> <op> <args>` in a function returning its result. */
function fold(cls: 'w' | 'l', op: string, args: string): string[] {
  return body(run(`
function ${cls} $f() {
@s.0
  %r.1 =${cls} ${op} ${args}
  ret %r.1
}`, constFold));
}

const W_MIN = '-2147483648';
const L_MIN = '-9223372036854775808';

// [class, op, operands, folded value]
const CASES: [string, 'w' | 'l', string, string, string][] = [
  // arithmetic, wrapping to the class
  ['add wraps', 'w', 'add', '2147483647, 1', W_MIN],
  ['add', 'l', 'add', '2147483647, 1', '2147483648'],
  ['add wraps', 'l', 'add', '9223372036854775807, 1', L_MIN],
  ['sub wraps', 'w', 'sub', `${W_MIN}, 1`, '2147483647'],
  ['sub', 'l', 'sub', '5, 7', '-2'],
  ['mul wraps', 'w', 'mul', '65536, 65536', '0'],
  ['mul wraps', 'w', 'mul', '123456789, 1000', '-1097262584'],
  ['mul wraps', 'l', 'mul', '4611686018427387904, 2', L_MIN],
  ['mul', 'l', 'mul', '-3, 1000000007', '-3000000021'],
  ['neg wraps', 'w', 'neg', W_MIN, W_MIN],
  ['neg', 'l', 'neg', '5', '-5'],
  // signed vs unsigned division and remainder
  ['sdiv truncates toward zero', 'w', 'sdiv', '-7, 2', '-3'],
  ['udiv reads operands unsigned', 'w', 'udiv', '-7, 2', '2147483644'],
  ['srem has the dividend sign', 'w', 'srem', '-7, 2', '-1'],
  ['urem', 'w', 'urem', '-7, 2', '1'],
  ['sdiv', 'l', 'sdiv', '-9000000000, 7', '-1285714285'],
  ['udiv', 'l', 'udiv', '-1, 2', '9223372036854775807'],
  ['srem', 'l', 'srem', '-9000000000, 7', '-5'],
  ['urem', 'l', 'urem', '-1, 10', '5'],
  ['sdiv of a w operand written wide', 'w', 'sdiv', '4294967295, 1', '-1'],
  // bitwise
  ['and', 'w', 'and', '-1, 255', '255'],
  ['or', 'w', 'or', '2147483647, -2147483648', '-1'],
  ['xor', 'w', 'xor', '-1, 1', '-2'],
  ['not', 'w', 'not', '0', '-1'],
  ['and', 'l', 'and', '-1, 4294967296', '4294967296'],
  ['or', 'l', 'or', '4294967296, 1', '4294967297'],
  ['xor', 'l', 'xor', '-1, 9223372036854775807', L_MIN],
  ['not', 'l', 'not', '4294967295', '-4294967296'],
  // shifts: the count is taken modulo the width
  ['shl into the sign bit', 'w', 'shl', '1, 31', W_MIN],
  ['shl count mod 32', 'w', 'shl', '1, 33', '2'],
  ['sar', 'w', 'sar', '-8, 1', '-4'],
  ['shr', 'w', 'shr', '-8, 1', '2147483644'],
  ['shl', 'l', 'shl', '1, 63', L_MIN],
  ['shl count mod 64', 'l', 'shl', '1, 64', '1'],
  ['sar', 'l', 'sar', '-1, 63', '-1'],
  ['shr', 'l', 'shr', '-1, 63', '1'],
  ['shl l beyond 32 bits', 'l', 'shl', '1, 40', '1099511627776'],
  // extensions and truncation
  ['extsb', 'w', 'extsb', '255', '-1'],
  ['extub', 'w', 'extub', '-1', '255'],
  ['extsh', 'w', 'extsh', '32768', '-32768'],
  ['extuh', 'w', 'extuh', '-1', '65535'],
  ['extsw', 'l', 'extsw', '4294967295', '-1'],
  ['extuw', 'l', 'extuw', '-1', '4294967295'],
  ['extsb to l', 'l', 'extsb', '128', '-128'],
  ['trunc', 'w', 'trunc', '4294967296', '0'],
  ['trunc keeps the low bits, read signed', 'w', 'trunc', '8589934591', '-1'],
  ['copy', 'w', 'copy', '42', '42'],
];

// [comparison with operand class, operands, 0 or 1]
const COMPARES: [string, string, string][] = [
  ['ceqw', '4294967295, -1', '1'], // equal as 32-bit patterns
  ['ceql', '4294967295, -1', '0'],
  ['cnew', '3, 3', '0'],
  ['csltw', '-1, 1', '1'],
  ['cultw', '-1, 1', '0'],
  ['csltl', '-1, 1', '1'],
  ['cultl', '-1, 1', '0'],
  ['csltw', '2147483648, 0', '1'], // 2^31 is negative in w
  ['csltl', '2147483648, 0', '0'],
  ['csgew', `${W_MIN}, 2147483647`, '0'],
  ['cugew', `${W_MIN}, 2147483647`, '1'],
  ['cslew', '5, 5', '1'],
  ['csgtw', '5, 5', '0'],
  ['culel', '-1, 0', '0'],
  ['cugtl', '-1, 0', '1'],
];

describe('constfold', () => {
  for (const [what, cls, op, args, want] of CASES) {
    it(`${op} ${cls}: ${what} (${args} → ${want})`, () => {
      expect(fold(cls, op, args)).toEqual([`ret ${want}`]);
    });
  }

  for (const [op, args, want] of COMPARES) {
    it(`${op} ${args} → ${want}`, () => {
      expect(fold('w', op, args)).toEqual([`ret ${want}`]);
    });
  }

  for (const op of ['sdiv', 'udiv', 'srem', 'urem']) {
    for (const cls of ['w', 'l'] as const) {
      it(`does not fold ${op} ${cls} by zero`, () => {
        expect(fold(cls, op, '7, 0')).toEqual([`%r.1 =${cls} ${op} 7, 0`, 'ret %r.1']);
      });
    }
  }

  it('does not fold w division by a divisor that is zero in 32 bits', () => {
    expect(fold('w', 'udiv', '7, 4294967296')).toEqual(['%r.1 =w udiv 7, 4294967296', 'ret %r.1']);
  });

  it('folds chains, across blocks, into phis and branch conditions', () => {
    const out = body(run(`
function w $f(w %p.0) {
@s.0
  %a.1 =w add 1, 2
  %b.2 =w mul %a.1, 3
  %c.3 =w csltw %b.2, 10
  jnz %c.3, @t.1, @e.2
@t.1
  %d.4 =w sub %b.2, %a.1
  jmp @j.3
@e.2
  jmp @j.3
@j.3
  %m.5 =w phi @t.1 %d.4, @e.2 %p.0
  %n.6 =w add %m.5, %b.2
  ret %n.6
}`, constFold));
    expect(out).toContain('jnz 1, @t.1, @e.2');
    expect(out).toContain('%m.5 =w phi @t.1 6, @e.2 %p.0');
    expect(out).toContain('%n.6 =w add %m.5, 9');
    expect(out.filter((l) => /=w (add|mul|sub|csltw) \d/.test(l))).toEqual([]);
  });

  it('leaves non-constant operands, calls, loads and volatile loads alone', () => {
    const text = `function l $f(l %p.0) {
@s.0
  %a.1 =l add %p.0, 1
  %b.2 =l call $g(1, 2)
  %c.3 =w loadsw $tbl
  %d.4 =w volatile loadsw 4096
  %e.5 =l syscall 39
  %s.6 =l add %a.1, %b.2
  ret %s.6
}`;
    expect(run(text, constFold)).toBe(text);
  });
});
