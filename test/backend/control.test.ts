// Control flow, phis, calls and register pressure, run natively.
import { describe, it, expect } from 'vitest';
import { buildAndRun, PRELUDE } from './run.js';

/** Runs `funcs` with a $main whose body is `body`; returns stdout lines. */
function run(funcs: string, body: string): { lines: string[]; status: number | null; asm: string } {
  const r = buildAndRun(`init $main\n${PRELUDE}\n${funcs}\nfunction $main() {\n@start.0\n${body}\n  ret\n}\n`);
  return { lines: r.stdout.split('\n').slice(0, -1), status: r.status, asm: r.asm };
}

/** `%r.N =l call $f(args)` + print, for each call. */
function printCalls(calls: [string, string][]): string {
  return calls.map(([f, args], n) => `  %r.${n + 1} =l call $${f}(${args})\n  call $print(%r.${n + 1})`).join('\n');
}

describe('loops and phis', () => {
  it('swaps two variables every iteration (the swap problem)', () => {
    const swap = `
function l $swap(l %n.0) {
@start.0
  jmp @loop.1
@loop.1
  %a.1 =l phi @start.0 1, @loop.1 %b.2
  %b.2 =l phi @start.0 2, @loop.1 %a.1
  %i.3 =l phi @start.0 0, @loop.1 %i.4
  %i.4 =l add %i.3, 1
  %c.5 =w csltl %i.4, %n.0
  jnz %c.5, @loop.1, @done.2
@done.2
  %r.6 =l mul %a.1, 10
  %r.7 =l add %r.6, %b.2
  ret %r.7
}`;
    const r = run(swap, printCalls([['swap', '1'], ['swap', '2'], ['swap', '5'], ['swap', '10']]));
    expect(r.lines).toEqual(['12', '21', '12', '21']);
  });

  it('a loop-carried counter and the lost-copy case', () => {
    const funcs = `
function l $fibloop(l %n.0) {
@start.0
  jmp @head.1
@head.1
  %a.1 =l phi @start.0 0, @body.2 %b.2
  %b.2 =l phi @start.0 1, @body.2 %s.4
  %i.3 =l phi @start.0 0, @body.2 %i.5
  %c.6 =w csltl %i.3, %n.0
  jnz %c.6, @body.2, @done.3
@body.2
  %s.4 =l add %a.1, %b.2
  %i.5 =l add %i.3, 1
  jmp @head.1
@done.3
  ret %a.1
}

function l $lost(l %n.0) {
@start.0
  jmp @loop.1
@loop.1
  %x.1 =l phi @start.0 1, @loop.1 %x.2
  %x.2 =l add %x.1, 1
  %c.3 =w csltl %x.2, %n.0
  jnz %c.3, @loop.1, @done.2
@done.2
  ret %x.1
}

function l $nested(l %n.0) {
@start.0
  jmp @outer.1
@outer.1
  %i.1 =l phi @start.0 0, @outer_end.4 %i.7
  %acc.2 =l phi @start.0 0, @outer_end.4 %acc.6
  %c.3 =w csltl %i.1, %n.0
  jnz %c.3, @inner.2, @done.5
@inner.2
  %j.4 =l phi @outer.1 0, @inner.2 %j.8
  %acc.5 =l phi @outer.1 %acc.2, @inner.2 %acc.9
  %t.10 =l mul %i.1, %j.4
  %acc.9 =l add %acc.5, %t.10
  %j.8 =l add %j.4, 1
  %c.11 =w csltl %j.8, %i.1
  jnz %c.11, @inner.2, @outer_end.4
@outer_end.4
  %acc.6 =l copy %acc.9
  %i.7 =l add %i.1, 1
  jmp @outer.1
@done.5
  ret %acc.2
}`;
    const r = run(funcs, printCalls([['fibloop', '10'], ['fibloop', '90'], ['lost', '5'], ['lost', '100'], ['nested', '10']]));
    // nested: sum over i<10 of sum over j<max(i,1) of i*j, with j running at least once.
    let acc = 0;
    for (let i = 0; i < 10; i++) { let j = 0; do { acc += i * j; j++; } while (j < i); }
    expect(r.lines).toEqual(['55', '2880067194370816120', '4', '99', String(acc)]);
  });
});

describe('calls', () => {
  it('passes 1 to 8 arguments (registers and the stack), mixed classes', () => {
    let funcs = '';
    const calls: [string, string][] = [];
    const expected: string[] = [];
    for (let n = 1; n <= 8; n++) {
      const params = Array.from({ length: n }, (_, k) => `${k % 3 === 1 ? 'w' : 'l'} %a.${k}`).join(', ');
      const lines: string[] = [];
      let acc = '0';
      for (let k = 0; k < n; k++) {
        let v = `%a.${k}`;
        if (k % 3 === 1) { lines.push(`  %e.${100 + k} =l extsw %a.${k}`); v = `%e.${100 + k}`; }
        lines.push(`  %m.${200 + k} =l mul ${v}, ${k + 1}`);
        lines.push(`  %s.${300 + k} =l add ${acc}, %m.${200 + k}`);
        acc = `%s.${300 + k}`;
      }
      funcs += `\nfunction l $sum${n}(${params}) {\n@start.0\n${lines.join('\n')}\n  ret ${acc}\n}\n`;
      const args = Array.from({ length: n }, (_, k) => (k % 2 ? -(k * 1000 + 7) : k * 100000 + 3));
      calls.push([`sum${n}`, args.join(', ')]);
      expected.push(String(args.reduce((s, a, k) => s + a * (k + 1), 0)));
    }
    const r = run(funcs, printCalls(calls));
    expect(r.lines).toEqual(expected);
  });

  it('passes temps as stack arguments and calls through a register', () => {
    const funcs = `
function l $sub8(l %a.0, l %b.1, l %c.2, l %d.3, l %e.4, l %f.5, l %g.6, l %h.7) {
@start.0
  %x.8 =l sub %g.6, %h.7
  %y.9 =l mul %x.8, 1000
  %z.10 =l add %y.9, %a.0
  ret %z.10
}`;
    const body = `
  %p.1 =l copy $sub8
  %g.2 =l add 40, 2
  %h.3 =l add 2, 3
  %r.4 =l call %p.1(1, 2, 3, 4, 5, 6, %g.2, %h.3)
  call $print(%r.4)
  %r.5 =l call $sub8(%g.2, 2, 3, 4, 5, 6, %h.3, $sub8)
  %ok.6 =w csltl %r.5, 0
  %r.7 =l extuw %ok.6
  call $print(%r.7)`;
    expect(run(funcs, body).lines).toEqual(['37001', '1']);
  });

  it('recursion: fib(20) = 6765, and mutual recursion', () => {
    const funcs = `
function l $fib(l %n.0) {
@start.0
  %c.1 =w csltl %n.0, 2
  jnz %c.1, @base.1, @rec.2
@base.1
  ret %n.0
@rec.2
  %a.2 =l sub %n.0, 1
  %f.3 =l call $fib(%a.2)
  %b.4 =l sub %n.0, 2
  %g.5 =l call $fib(%b.4)
  %r.6 =l add %f.3, %g.5
  ret %r.6
}

function l $even(l %n.0) {
@start.0
  %z.1 =w ceql %n.0, 0
  jnz %z.1, @yes.1, @no.2
@yes.1
  ret 1
@no.2
  %m.2 =l sub %n.0, 1
  %r.3 =l call $odd(%m.2)
  ret %r.3
}

function l $odd(l %n.0) {
@start.0
  %z.1 =w ceql %n.0, 0
  jnz %z.1, @yes.1, @no.2
@yes.1
  ret 0
@no.2
  %m.2 =l sub %n.0, 1
  %r.3 =l call $even(%m.2)
  ret %r.3
}`;
    const r = run(funcs, printCalls([['fib', '20'], ['fib', '1'], ['even', '10'], ['even', '7'], ['odd', '1001'], ['odd', '1000']]));
    expect(r.lines).toEqual(['6765', '1', '1', '0', '1', '0']);
  });
});

/** A function keeping N values live across a call to $callee; returns a checksum. */
function pressureFunc(name: string, n: number, callee: string): { text: string; expect: (x: bigint) => bigint } {
  const lines: string[] = [];
  for (let k = 0; k < n; k++) lines.push(`  %v.${k + 1} =l mul %x.0, ${k + 3}`, `  %u.${k + 101} =l add %v.${k + 1}, ${k * 7}`);
  lines.push(`  %c.200 =l call $${callee}(%x.0)`);
  let acc = '%c.200';
  for (let k = 0; k < n; k++) {
    lines.push(`  %m.${k + 301} =l mul %u.${k + 101}, ${k + 1}`, `  %s.${k + 401} =l add ${acc}, %m.${k + 301}`);
    acc = `%s.${k + 401}`;
  }
  return {
    text: `function l $${name}(l %x.0) {\n@start.0\n${lines.join('\n')}\n  ret ${acc}\n}\n`,
    expect: (x) => {
      let s = BigInt.asIntN(64, x * 2n + 1n); // what $callee returns
      for (let k = 0; k < n; k++) s += (x * BigInt(k + 3) + BigInt(k * 7)) * BigInt(k + 1);
      return BigInt.asIntN(64, s);
    },
  };
}

describe('register pressure', () => {
  it('keeps 24 values live across a call (spills, callee-saved registers)', () => {
    const helper = 'function l $twice1(l %a.0) {\n@start.0\n  %b.1 =l mul %a.0, 2\n  %c.2 =l add %b.1, 1\n  ret %c.2\n}\n';
    const p24 = pressureFunc('p24', 24, 'twice1');
    const p3 = pressureFunc('p3', 3, 'twice1');
    const r = run(helper + p24.text + p3.text, printCalls([['p24', '5'], ['p24', '-123456789'], ['p3', '9']]));
    expect(r.lines).toEqual([p24.expect(5n), p24.expect(-123456789n), p3.expect(9n)].map(String));
    // The 24-value function must spill: it has only 5 callee-saved registers.
    const p24asm = r.asm.slice(r.asm.indexOf('\n$p24:'), r.asm.indexOf('\n$p3:'));
    expect(p24asm).toMatch(/push r15/);
    expect(p24asm).toMatch(/mov qword \[rbp - \d+\], /);
  });

  it('preserves callee-saved registers across a call to a function that uses them all', () => {
    // $clobber keeps 14 values live at once, so it needs every callee-saved register;
    // $keeper keeps 5 values in callee-saved registers across its call to $clobber.
    const clobber = pressureFunc('clobber', 14, 'twice1');
    const keeper = pressureFunc('keeper', 5, 'clobber');
    const helper = 'function l $twice1(l %a.0) {\n@start.0\n  %b.1 =l mul %a.0, 2\n  %c.2 =l add %b.1, 1\n  ret %c.2\n}\n';
    const r = run(helper + clobber.text + keeper.text, printCalls([['keeper', '17']]));
    // keeper's callee returns clobber(17), not twice1(17): recompute.
    let want = clobber.expect(17n);
    for (let k = 0; k < 5; k++) want += (17n * BigInt(k + 3) + BigInt(k * 7)) * BigInt(k + 1);
    expect(r.lines).toEqual([String(want)]);
    const clobberAsm = r.asm.slice(r.asm.indexOf('\n$clobber:'), r.asm.indexOf('\n$keeper:'));
    for (const reg of ['rbx', 'r12', 'r13', 'r14', 'r15']) {
      expect(clobberAsm).toContain(`push ${reg}`);
      expect(clobberAsm).toContain(`pop ${reg}`);
    }
  });
});
