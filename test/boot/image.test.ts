// Boot-chain tests: builds disk images around the hand-written tiny kernel
// (test/boot/fixtures/tiny-kernel.asm) with buildImage and boots them in
// QEMU (TCG), checking the serial log and the isa-debug-exit status.
import { describe, it, expect, afterAll } from 'vitest';
import { execa } from 'execa';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildImage, readBootLayout } from '../../compiler/image/image.js';
import { runTool, ToolError } from '../../compiler/driver/toolchain.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixture = join(root, 'test', 'boot', 'fixtures', 'tiny-kernel.asm');
const layout = readBootLayout(root);
const STAGE2_SECTORS = layout.get('STAGE2_SECTORS')!;
const MAX_KERNEL_BYTES = layout.get('MAX_KERNEL_BYTES')!;
const KERNEL_OFFSET = (1 + STAGE2_SECTORS) * 512;
const BOOT_TIMEOUT_MS = 20_000;
const TEST_TIMEOUT_MS = 40_000;

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'tskc-boot-'));
  tempDirs.push(d);
  return d;
}

/** Assembles the tiny kernel with the given -D knobs and builds disk.img. */
function buildTiny(dir: string, defines: Record<string, number> = {}, log?: (m: string) => void) {
  const obj = join(dir, 'tiny-kernel.o');
  const d = Object.entries(defines).map(([k, v]) => `-D${k}=${v}`);
  runTool('nasm', ['-f', 'elf64', '-Werror=all', ...d, '-o', obj, fixture]);
  return buildImage({ kernelObjs: [obj], outDir: join(dir, 'out'), root, log });
}

interface BootResult { exitCode: number | undefined; timedOut: boolean; serial: string }

/**
 * Boots disk.img in QEMU and waits for it to exit (or BOOT_TIMEOUT_MS).
 * With `until`, QEMU is killed as soon as the serial log matches it (for
 * images that halt instead of exiting). QEMU is always killed at the end.
 */
async function boot(img: string, until?: RegExp): Promise<BootResult> {
  const log = join(dirname(img), 'serial.log');
  rmSync(log, { force: true });
  const readLog = (): string => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  const qemu = execa('qemu-system-x86_64', [
    '-drive', `if=virtio,format=raw,file=${img}`,
    '-display', 'none',
    '-serial', `file:${log}`,
    '-net', 'none',
    '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04',
  ], { reject: false, timeout: BOOT_TIMEOUT_MS, forceKillAfterDelay: 1000, stdin: 'ignore' });
  let poll: ReturnType<typeof setInterval> | undefined;
  try {
    if (until) {
      poll = setInterval(() => {
        if (until.test(readLog())) qemu.kill('SIGKILL');
      }, 100);
    }
    const r = await qemu;
    return { exitCode: r.exitCode, timedOut: r.timedOut, serial: readLog() };
  } finally {
    if (poll) clearInterval(poll);
    qemu.kill('SIGKILL');
  }
}

const MARKERS = ['[boot] stage2', '[boot] a20 on', '[boot] e820 entries', '[boot] kernel loaded', '[boot] long mode'];

function expectBootedOk(r: BootResult): void {
  let at = 0;
  for (const m of MARKERS) {
    const i = r.serial.indexOf(m, at);
    expect(i, `serial log lacks "${m}" (in order):\n${r.serial}`).toBeGreaterThanOrEqual(0);
    at = i;
  }
  expect(r.serial).toContain('TINY-KERNEL-OK');
  expect(r.serial).not.toContain('FAIL');
  expect(r.timedOut).toBe(false);
  expect(r.exitCode).toBe(33);
}

describe('boot image', () => {
  it('lays out stage1, stage2 and the kernel header on disk', () => {
    const dir = tempDir();
    const logs: string[] = [];
    const res = buildTiny(dir, {}, (m) => logs.push(m));
    const img = readFileSync(res.diskImage);
    expect(img.length % 512).toBe(0);
    expect(img.length).toBeGreaterThanOrEqual(1024 * 1024);
    expect(img[510]).toBe(0x55);
    expect(img[511]).toBe(0xaa);
    expect(Buffer.from(img.subarray(514, 518)).toString('latin1')).toBe('TSK2');
    const hdr = new DataView(img.buffer, img.byteOffset + KERNEL_OFFSET, 32);
    expect(hdr.getUint32(0, true)).toBe(0x4b4b5354);
    expect(hdr.getUint32(4, true)).toBe(1);
    const loadEnd = Number(hdr.getBigUint64(16, true));
    expect(loadEnd - 0x100000).toBe(res.kernelBytes);
    expect(Number(hdr.getBigUint64(24, true))).toBeGreaterThan(loadEnd);
    // kernel.bin holds no .bss: its size is exactly the loaded size
    expect(readFileSync(res.kernelBin).length).toBe(res.kernelBytes);
    expect(existsSync(res.kernelElf)).toBe(true);
    expect(logs[0]).toBe('link kernel.elf');
    expect(logs[1]).toBe('assemble boot stages');
    expect(logs[2]).toMatch(/^write disk\.img \(\d+ KiB\)$/);
  });

  it('boots the tiny kernel to 64-bit code', async () => {
    const res = buildTiny(tempDir());
    expectBootedOk(await boot(res.diskImage));
  }, TEST_TIMEOUT_MS);

  it('loads a 600 KiB kernel completely (every page checked)', async () => {
    const res = buildTiny(tempDir(), { DATA_PAGES: 150 });
    expect(res.kernelBytes).toBeGreaterThan(600 * 1024);
    expectBootedOk(await boot(res.diskImage));
  }, TEST_TIMEOUT_MS);

  it('loads a kernel just under MAX_KERNEL_BYTES', async () => {
    const pages = Math.floor(MAX_KERNEL_BYTES / 4096) - 8;
    const res = buildTiny(tempDir(), { DATA_PAGES: pages });
    expect(res.kernelBytes).toBeGreaterThan(MAX_KERNEL_BYTES - 64 * 1024);
    expect(res.kernelBytes).toBeLessThanOrEqual(MAX_KERNEL_BYTES);
    expectBootedOk(await boot(res.diskImage));
  }, TEST_TIMEOUT_MS);

  it('zeroes .bss even when the disk has garbage after the image', async () => {
    const res = buildTiny(tempDir(), { BSS_BYTES: 256 * 1024 });
    // Stage 2 copies whole sectors, so the tail of the last kernel sector
    // lands at load_end..; poison it and the following sectors.
    const img = readFileSync(res.diskImage);
    const tail = KERNEL_OFFSET + res.kernelBytes;
    expect(tail % 512).not.toBe(0);
    img.fill(0xaa, tail, tail + 64 * 1024);
    writeFileSync(res.diskImage, img);
    expectBootedOk(await boot(res.diskImage));
  }, TEST_TIMEOUT_MS);

  it('rejects a kernel bigger than MAX_KERNEL_BYTES with a clear message', () => {
    const pages = Math.ceil(MAX_KERNEL_BYTES / 4096) + 8;
    let err: unknown;
    try {
      buildTiny(tempDir(), { DATA_PAGES: pages });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ToolError);
    expect((err as Error).message).toMatch(new RegExp(
      `^kernel image is \\d+ bytes; the boot stub loads at most ${MAX_KERNEL_BYTES} bytes ` +
      `\\(boot/layout\\.inc MAX_KERNEL_BYTES\\)$`));
  });

  it('stops with an error on the serial port when the kernel magic is wrong', async () => {
    const res = buildTiny(tempDir());
    const img = readFileSync(res.diskImage);
    img[KERNEL_OFFSET] ^= 0xff;
    writeFileSync(res.diskImage, img);
    const r = await boot(res.diskImage, /bad kernel magic/);
    expect(r.serial).toContain('[boot] stage2');
    expect(r.serial).toContain('[boot] error: bad kernel magic');
    expect(r.serial).not.toContain('[boot] long mode');
  }, TEST_TIMEOUT_MS);
});
