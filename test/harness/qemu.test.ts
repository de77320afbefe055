// Tests of the QEMU harness itself, against a tiny echo boot sector
// (fixtures/echo-boot.asm) assembled here, independent of the real kernel.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bootQemu,
  charToQcodes,
  cp437Char,
  debugExitStatus,
  KEY_BURST_BYTES,
  keyNameToQcode,
  lineEcho,
  liveQemuCount,
  scancodeBytes,
  useQemu,
  type Qemu,
} from './qemu.js';
import { hangLimit } from './timing.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let workDir = '';
let image = '';

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tskc-harness-test-'));
  image = path.join(workDir, 'echo-boot.img');
  await execa('nasm', ['-f', 'bin', '-o', image, path.join(here, 'fixtures', 'echo-boot.asm')]);
  expect(fs.statSync(image).size).toBe(512);
});

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Boots the echo image (one 512-byte sector: SeaBIOS boots it from IDE, not as a virtio disk) and waits until it is ready for input. */
async function bootEcho(): Promise<Qemu> {
  const vm = await useQemu({ image, memoryMiB: 16, bootDisk: 'ide' });
  await vm.waitForSerial('HARNESS-READY\r\n');
  return vm;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as { code?: string }).code !== 'ESRCH';
  }
  // A zombie still answers kill(pid, 0); it is not running any more.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z /.test(stat);
  } catch {
    return false;
  }
}

describe('keyboard and screen helpers', () => {
  it('maps characters to qcodes', () => {
    expect(charToQcodes('a')).toEqual(['a']);
    expect(charToQcodes('7')).toEqual(['7']);
    expect(charToQcodes('Q')).toEqual(['shift', 'q']);
    expect(charToQcodes(' ')).toEqual(['spc']);
    expect(charToQcodes('\n')).toEqual(['ret']);
    expect(charToQcodes('\b')).toEqual(['backspace']);
    expect(charToQcodes('!')).toEqual(['shift', '1']);
    expect(charToQcodes(':')).toEqual(['shift', 'semicolon']);
    expect(charToQcodes('/')).toEqual(['slash']);
    expect(() => charToQcodes('é')).toThrow(/no key/);
  });

  it('maps key names to qcodes', () => {
    expect(['ctrl', 'c'].map(keyNameToQcode)).toEqual(['ctrl', 'c']);
    expect(keyNameToQcode('Enter')).toBe('ret');
    expect(keyNameToQcode('F12')).toBe('f12');
    expect(keyNameToQcode('pagedown')).toBe('pgdn');
    expect(keyNameToQcode('kp_enter')).toBe('kp_enter');
  });

  it('counts the scancode bytes a key puts in the PS/2 queue, and knows a line console\'s echo', () => {
    expect(scancodeBytes(['a'])).toBe(2); // make and break
    expect(scancodeBytes(['shift', 'a'])).toBe(4);
    expect(scancodeBytes(['up'])).toBe(4); // 0xE0-prefixed make and break
    expect(KEY_BURST_BYTES).toBeLessThan(16);
    expect(lineEcho('x')).toBe('x');
    expect(lineEcho('\n')).toBe('\r\n');
    expect(lineEcho('\b')).toBe('\b \b');
    expect(() => lineEcho('\t')).toThrow(/no known echo/);
  });

  it('decodes code page 437', () => {
    expect(cp437Char(0)).toBe(' ');
    expect(cp437Char(0x41)).toBe('A');
    expect(cp437Char(0x7f)).toBe('⌂');
    expect(cp437Char(0x80)).toBe('Ç');
    expect(cp437Char(0xb3)).toBe('│');
    expect(cp437Char(0xc4)).toBe('─');
    expect(cp437Char(0xdb)).toBe('█');
    expect(cp437Char(0xfe)).toBe('■');
    for (let b = 0; b < 256; b++) expect(cp437Char(b)).toHaveLength(1);
  });

  it('computes isa-debug-exit statuses', () => {
    expect(debugExitStatus(0x10)).toBe(33);
    expect(debugExitStatus(0)).toBe(1);
  });
});

describe('QEMU harness', () => {
  it('sees the serial marker and the VGA text', async () => {
    const vm = await bootEcho();
    expect(vm.serial()).toContain('HARNESS-READY');
    const screen = await vm.readScreen();
    expect(screen).toHaveLength(25);
    for (const line of screen) expect(line).toHaveLength(80);
    expect(screen[0]!.startsWith('VGA-OK')).toBe(true);
    expect(await vm.qmp<{ status: string }>('query-status')).toMatchObject({ status: 'running' });
  });

  it('types keys and echoes them on serial', async () => {
    const vm = await bootEcho();
    const mark = vm.serial().length;
    await vm.sendKeys('ab');
    const out = await vm.waitForSerial('ab', 10_000, { since: mark });
    expect(out.slice(mark)).toBe('ab');
    await vm.sendKeys('Hi, 2+2=4!');
    await vm.waitForSerial('Hi, 2+2=4!', 10_000, { since: mark });
    await vm.sendKey(['shift', 'z']);
    await vm.waitForSerial(/4!Z$/, 10_000, { since: mark });
  });

  it('types 300 keys in bursts the PS/2 queue holds, waiting for the echo of each: none is lost', async () => {
    const vm = await bootEcho();
    const mark = vm.serial().length;
    const text = Array.from({ length: 300 }, (_, i) => 'aB3,x'[i % 5]).join('');
    await vm.sendKeys(text, { holdMs: 1 });
    expect(vm.serial().slice(mark)).toBe(text); // on return every key has been echoed
  });

  it('refuses to type more than one burst without waiting for an echo', async () => {
    const vm = await bootEcho();
    await expect(vm.sendKeys('abcdefghij', { echo: false })).rejects.toThrow(/more than the 12 typed without waiting/);
  });

  it('sends serial input and receives the echo', async () => {
    const vm = await bootEcho();
    const mark = vm.serial().length;
    await vm.sendSerial('xy');
    await vm.waitForSerial('xy', 10_000, { since: mark });
    expect(vm.serial().slice(mark)).toBe('xy');
  });

  it("reports exit status 33 after 'q' (isa-debug-exit 0x10)", async () => {
    const vm = await bootEcho();
    await vm.sendKeys('q', { echo: false }); // 'q' exits: there is no echo to wait for
    expect(await vm.waitForExit(10_000)).toBe(33);
    expect(vm.exited).toBe(true);
    expect(fs.existsSync(vm.tempDir)).toBe(false); // cleaned up on exit
    // Waiting for output that can no longer come fails at once, with the cause.
    const t0 = Date.now();
    await expect(vm.waitForSerial('never', 10_000)).rejects.toThrow(/exited with status 33[\s\S]*HARNESS-READY/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('exits through serial input too', async () => {
    const vm = await bootEcho();
    await vm.sendSerial('q');
    expect(await vm.waitForExit(10_000)).toBe(debugExitStatus(0x10));
  });

  it('rejects waitForSerial within its timeout, quoting the serial output', async () => {
    const vm = await bootEcho();
    const t0 = Date.now();
    const err = await vm.waitForSerial('NEVER-PRINTED', 400).then(
      () => null,
      (e: Error) => e,
    );
    const elapsed = Date.now() - t0;
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('"NEVER-PRINTED"');
    expect(err!.message).toContain('within 400 ms');
    expect(err!.message).toContain('HARNESS-READY');
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(hangLimit(2000)); // "within": not a timing test, so scaled on a busy host
  });

  it('runs two instances in parallel without interference', async () => {
    const [a, b] = await Promise.all([bootEcho(), bootEcho()]);
    expect(a.pid).not.toBe(b.pid);
    expect(a.tempDir).not.toBe(b.tempDir);
    const ma = a.serial().length;
    const mb = b.serial().length;
    // Both VMs at once; within one VM, serial input and keys one after the other.
    await Promise.all([
      (async () => {
        await a.sendSerial('AAA');
        await a.waitForSerial('AAA', 10_000, { since: ma });
        await a.sendKeys('k1');
        await a.waitForSerial('AAAk1', 10_000, { since: ma });
      })(),
      (async () => {
        await b.sendSerial('bbb');
        await b.waitForSerial('bbb', 10_000, { since: mb });
        await b.sendKeys('k2');
        await b.waitForSerial('bbbk2', 10_000, { since: mb });
      })(),
    ]);
    expect(a.serial()).not.toMatch(/bbb|k2/);
    expect(b.serial()).not.toMatch(/AAA|k1/);
    await a.sendSerial('q');
    expect(await a.waitForExit(10_000)).toBe(33);
    expect(b.exited).toBe(false);
    await b.sendSerial('zz');
    await b.waitForSerial('zz', 10_000, { since: mb });
  });

  it('kill() leaves no QEMU process and no temp files', async () => {
    const before = liveQemuCount();
    const vm = await bootQemu({ image, memoryMiB: 16, bootDisk: 'ide' });
    try {
      await vm.waitForSerial('HARNESS-READY');
      const pid = vm.pid;
      expect(pid).toBeTypeOf('number');
      expect(processExists(pid!)).toBe(true);
      expect(fs.existsSync(vm.tempDir)).toBe(true);
      expect(liveQemuCount()).toBe(before + 1);
      await vm.kill();
      expect(processExists(pid!)).toBe(false);
      expect(fs.existsSync(vm.tempDir)).toBe(false);
      expect(liveQemuCount()).toBe(before);
      await expect(vm.waitForExit(1000)).rejects.toThrow(/killed by kill\(\)/);
      await vm.kill(); // idempotent
    } finally {
      await vm.kill();
    }
  });

  it('kills QEMU after its hard timeout', async () => {
    const vm = await useQemu({ image, memoryMiB: 16, timeoutMs: 1500, bootDisk: 'ide' });
    await vm.waitForSerial('HARNESS-READY');
    await expect(vm.waitForExit(10_000)).rejects.toThrow(/after its 1500 ms timeout/);
    expect(processExists(vm.pid!)).toBe(false);
  });

  it('fails clearly for a missing image or a QEMU that cannot start', async () => {
    await expect(bootQemu({ image: path.join(workDir, 'nope.img') })).rejects.toThrow(/does not exist/);
    await expect(bootQemu({ image, extraArgs: ['-no-such-option'] })).rejects.toThrow(/did not start[\s\S]*no-such-option/);
  });
});
