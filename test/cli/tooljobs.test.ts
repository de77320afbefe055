// The background tool jobs of `tskc build --each` (compiler/driver/tooljobs.ts):
// jobs run in the order queued, a job's steps one after another, a failing
// step stops its job and surfaces as the same ToolError a direct run gives,
// and the --each build reports the tools' time as background work.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ToolJobs } from '../../compiler/driver/tooljobs.js';
import { runTool, ToolError } from '../../compiler/driver/toolchain.js';

const root = join(import.meta.dirname, '..', '..');

describe('background tool jobs', () => {
  it('runs jobs in order, each step after the one before, and reports each step\'s time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-jobs-'));
    const log = join(dir, 'log');
    const jobs = new ToolJobs();
    for (let i = 0; i < 5; i++) {
      // The first step sleeps a little, so a job that did not wait for it would append out of order.
      jobs.run([['sh', ['-c', `sleep 0.0${5 - i}; echo a${i} >> ${log}`]], ['sh', ['-c', `echo b${i} >> ${log}`]]]);
    }
    const times: string[] = [];
    jobs.wait((tool, ms) => { times.push(tool); expect(ms).toBeGreaterThan(0); });
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2', 'a3', 'b3', 'a4', 'b4']);
    expect(times).toEqual(Array(10).fill('sh'));
  });

  it('stops a job at its failing step, runs the other jobs, and throws the tool\'s message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-jobs-'));
    const scratch = mkdtempSync(join(tmpdir(), 'tskc-jobs-scratch-'));
    const jobs = new ToolJobs();
    jobs.run([['sh', ['-c', 'echo broken >&2; exit 3']], ['touch', [join(dir, 'skipped')]]], scratch);
    jobs.run([['touch', [join(dir, 'ran')]]]);
    let direct = '';
    try { runTool('sh', ['-c', 'echo broken >&2; exit 3']); } catch (e) { direct = (e as Error).message; }
    expect(direct).toBe('sh failed (exit 3):\nbroken');
    expect(() => jobs.wait()).toThrow(new ToolError(direct));
    expect(existsSync(join(dir, 'skipped'))).toBe(false);
    expect(existsSync(join(dir, 'ran'))).toBe(true);
    // The job's scratch directory goes, failed or not.
    expect(existsSync(scratch)).toBe(false);
  });

  it('says how to install a tool that is missing', () => {
    const jobs = new ToolJobs();
    jobs.run([['tskc-no-such-tool', []]]);
    expect(() => jobs.wait()).toThrow(/cannot run 'tskc-no-such-tool': .*ENOENT.*apt-get install --no-install-recommends tskc-no-such-tool/);
  });

  it('lists nasm and ld.lld as background work in `build --each --timings`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tskc-jobs-'));
    writeFileSync(join(dir, 'a.ts'), 'console.log(1);\n');
    writeFileSync(join(dir, 'b.ts'), 'console.log(2);\n');
    const build = (more: string[]) =>
      execa(process.execPath, [join(root, 'compiler/bin/tskc.js'), 'build', '--each', 'a.ts', 'b.ts', '--out-dir', 'out', '--timings', ...more], { cwd: dir });
    const r = await build(['--assembler', 'nasm']);
    const after = r.stderr.slice(r.stderr.indexOf('  total'));
    expect(after).toMatch(/^ {2}nasm \(background\)\s+[\d.]+ ms$/m);
    expect(after).toMatch(/^ {2}ld\.lld \(background\)\s+[\d.]+ ms$/m);
    expect((await execa(join(dir, 'out', 'b'))).stdout).toBe('2');
    // By default the built-in assembler writes the objects on the main thread; only ld.lld runs behind.
    const d = await build([]);
    expect(d.stderr).toMatch(/^ {2}assemble\s+[\d.]+ ms$/m);
    expect(d.stderr).not.toMatch(/nasm/);
    expect(d.stderr).toMatch(/^ {2}ld\.lld \(background\)\s+[\d.]+ ms$/m);
    expect((await execa(join(dir, 'out', 'a'))).stdout).toBe('1');
  });
});

describe('background tool jobs in a process started with --input-type=module', () => {
  // As the test harness builds kernels (test/harness/build.ts): the worker inherits
  // nothing from the parent's flags, so its code loads either way instead of hanging the build.
  it('run and report', async () => {
    const url = new URL('../../dist/compiler/driver/tooljobs.js', import.meta.url).href;
    const script = `const { ToolJobs } = await import(${JSON.stringify(url)});
      const jobs = new ToolJobs(); jobs.run([['true', []]]); jobs.wait((tool) => console.log('ran', tool));`;
    const r = await execa(process.execPath, ['--input-type=module', '-e', script], { timeout: 60_000, reject: false });
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['ran true', '', 0]);
  });
});
