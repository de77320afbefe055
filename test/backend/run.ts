// Test helpers for the backend: IR text → generateAsm → nasm → ld.lld → run.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseModule } from '../../compiler/ir/parse.js';
import { verifyModule } from '../../compiler/ir/verify.js';
import { generateAsm } from '../../compiler/x86/backend.js';
import { TARGETS } from '../../compiler/target/target.js';

export interface RunResult { status: number | null; stdout: string; asm: string }

function tool(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}${r.stdout}`);
}

/** Compiles IR text for the linux target, runs it, returns exit status and stdout. */
export function buildAndRun(ir: string, opts: { debug?: boolean } = {}): RunResult {
  const m = parseModule(ir);
  const errors = verifyModule(m);
  if (errors.length) throw new Error('invalid IR in test:\n' + errors.join('\n'));
  const { text } = generateAsm(m, { target: TARGETS.linux, debug: opts.debug ?? false });
  const dir = mkdtempSync(join(tmpdir(), 'tskc-be-'));
  try {
    const asm = join(dir, 'p.asm');
    writeFileSync(asm, text);
    tool('nasm', ['-f', 'elf64', '-Werror=all', ...(opts.debug ? ['-g', '-F', 'dwarf'] : []), '-o', join(dir, 'p.o'), asm]);
    tool('ld.lld', ['-static', '-e', '_start', '-o', join(dir, 'p'), join(dir, 'p.o')]);
    const r = spawnSync(join(dir, 'p'), [], { encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, asm: text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * IR helpers every test program can use:
 *   $print(l %v)   writes v as a signed decimal and a newline to stdout;
 *   $exit(w %code) ends the process.
 */
export const PRELUDE = `
function $print(l %v.0) {
@start.0
  %buf.1 =l alloc 32, 8
  %neg.2 =w csltl %v.0, 0
  jnz %neg.2, @negate.1, @digits.2
@negate.1
  %nv.3 =l neg %v.0
  jmp @digits.2
@digits.2
  %u.4 =l phi @start.0 %v.0, @negate.1 %nv.3
  %end.5 =l add %buf.1, 31
  storeb 10, %end.5
  jmp @loop.3
@loop.3
  %u.6 =l phi @digits.2 %u.4, @loop.3 %q.9
  %p.7 =l phi @digits.2 31, @loop.3 %p.8
  %p.8 =l sub %p.7, 1
  %q.9 =l udiv %u.6, 10
  %r.10 =l urem %u.6, 10
  %c.11 =l add %r.10, 48
  %c.12 =w trunc %c.11
  %a.13 =l add %buf.1, %p.8
  storeb %c.12, %a.13
  %more.14 =w cnel %q.9, 0
  jnz %more.14, @loop.3, @sign.4
@sign.4
  jnz %neg.2, @minus.5, @write.6
@minus.5
  %p.15 =l sub %p.8, 1
  %a.16 =l add %buf.1, %p.15
  storeb 45, %a.16
  jmp @write.6
@write.6
  %p.17 =l phi @sign.4 %p.8, @minus.5 %p.15
  %a.18 =l add %buf.1, %p.17
  %n.19 =l sub 32, %p.17
  %r.20 =l syscall 1, 1, %a.18, %n.19
  ret
}

function $exit(w %code.0) {
@start.0
  %r.1 =l syscall 60, %code.0
  unreachable
}
`;
