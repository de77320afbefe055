// The shell built for the host and driven through stdin/stdout: the line
// editor's echo, backspace, Ctrl+C, Enter and overflow, and every built-in.
// On Linux spawn, mem and uptime get -ENOSYS and must say so.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildUserProgram, run } from './build.js';

const PROMPT = 'tskc:/$ '; // the shell runs in / (its prompt shows the current directory)
let exe = '';

/** Types `input` at the shell; returns its exit status and everything it wrote. */
async function session(input: string): Promise<{ out: string; code: number | undefined }> {
  const r = await run(exe, [], input, '/');
  expect(r.stderr).toBe('');
  return { out: r.stdout, code: r.exitCode };
}

describe('shell (host build)', () => {
  beforeAll(() => {
    exe = buildUserProgram('shell/main.ts');
  });

  it('echoes each typed byte and runs echo', async () => {
    const { out, code } = await session('echo hello  world\n');
    expect(code).toBe(0);
    expect(out).toBe(`${PROMPT}echo hello  world\nhello  world\n${PROMPT}\n`);
  });

  it('erases with backspace and DEL, and ignores backspace at an empty line', async () => {
    const { out } = await session('\b\x7fechp\bo hiX\x7f\b\x7fok\n');
    // The two erasures at the empty line print nothing; each later one prints "\b \b".
    expect(out).toBe(`${PROMPT}echp\b \bo hiX${'\b \b'.repeat(3)}ok\nok\n${PROMPT}\n`);
  });

  it('cancels the line on Ctrl+C and starts a new prompt', async () => {
    const { out } = await session('echo lost\x03echo kept\n');
    expect(out).toBe(`${PROMPT}echo lost^C\n${PROMPT}echo kept\nkept\n${PROMPT}\n`);
  });

  it('takes CR, LF and CR LF as one Enter each', async () => {
    const { out } = await session('echo a\r\necho b\recho c\n');
    expect(out).toBe(`${PROMPT}echo a\na\n${PROMPT}echo b\nb\n${PROMPT}echo c\nc\n${PROMPT}\n`);
  });

  it('refuses a 200-character line: 128 characters echo, then a notice, and nothing runs', async () => {
    const line = 'echo ' + 'x'.repeat(195);
    const { out } = await session(`${line}\necho after\n`);
    expect(out).toBe(`${PROMPT}${line.slice(0, 128)}\nshell: line too long (200 characters, at most 128); not run\n${PROMPT}echo after\nafter\n${PROMPT}\n`);
  });

  it('lets backspace take back refused characters first', async () => {
    const line = 'echo ' + 'y'.repeat(125); // 130 characters: two refused
    const { out } = await session(`${line}\b\b\b\n`);
    expect(out).toBe(`${PROMPT}${line.slice(0, 128)}\b \b\n${'y'.repeat(122)}\n${PROMPT}\n`);
  });

  it('lists the built-ins with help', async () => {
    const { out } = await session('help\n');
    for (const c of ['help', 'echo', 'pid', 'mem', 'uptime', 'spawn', 'exit']) expect(out).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('prints its own pid', async () => {
    const { out } = await session('pid\n');
    expect(out).toMatch(new RegExp(`^${PROMPT.replace('$', '\\$')}pid\\n[1-9]\\d*\\n`));
  });

  it('reports ENOSYS for mem, uptime and spawn on Linux, and keeps going', async () => {
    const { out, code } = await session('mem\nuptime\nspawn hello\nspawn\necho alive\n');
    expect(code).toBe(0);
    expect(out).toContain('mem: not supported by this kernel (ENOSYS)\n');
    expect(out).toContain('uptime: not supported by this kernel (ENOSYS)\n');
    expect(out).toContain('spawn: not supported by this kernel (ENOSYS)\n');
    expect(out).toContain('spawn: which program? (spawn NAME [ARGS])\n');
    expect(out).toContain('echo alive\nalive\n');
  });

  it('names an unknown command', async () => {
    const { out } = await session('frobnicate now\n   \n');
    expect(out).toBe(`${PROMPT}frobnicate now\nunknown command: frobnicate (try help)\n${PROMPT}   \n${PROMPT}\n`);
  });

  it('exits with the given status, and ignores what follows', async () => {
    expect((await session('exit\necho no\n')).code).toBe(0);
    const r = await session('exit 7\necho no\n');
    expect(r.code).toBe(7);
    expect(r.out).toBe(`${PROMPT}exit 7\n`);
    const bad = await session('exit 999\n');
    expect(bad.out).toContain('exit: the status must be a number from 0 to 255\n');
  });
});
