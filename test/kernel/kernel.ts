// Shared by the kernel's QEMU tests: one kernel image per test file, booted
// as often as needed, and helpers to wait for the echo loop.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { useQemu, type Qemu } from '../harness/qemu.js';

export const BANNER = 'tskc kernel: hello from TypeScript';
export const BOOT_MARKERS = ['[ok] serial', '[ok] vga', '[ok] keyboard', '[ok] rtc ', '[ok] console', '[ok] memory', BANNER];

let built: { diskImage: string; kernelElf: string } | null = null;

/** The kernel as it is in this tree (built once per test file): its disk image and ELF. */
export function kernelBuild(): { diskImage: string; kernelElf: string } {
  built ??= buildKernelImage({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-')), debug: true });
  return built;
}

/** The disk image of the kernel as it is in this tree. */
export function kernelImage(): string {
  return kernelBuild().diskImage;
}

/** Boots the kernel; a failing test's report symbolizes addresses against its ELF. */
export function bootKernel(): Promise<Qemu> {
  const k = kernelBuild();
  return useQemu({ image: k.diskImage, elf: k.kernelElf });
}

/** Boots the kernel and waits for the echo loop's first prompt. */
export async function bootToPrompt(): Promise<Qemu> {
  const vm = await bootKernel();
  await vm.waitForSerial(`${BANNER}\r\n> `);
  return vm;
}

/** Waits for the echo loop to print `echo: <text>` after serial offset `since`; returns the new offset. */
export async function waitForEcho(vm: Qemu, text: string, since: number): Promise<number> {
  const upTo = await vm.waitForSerial(`echo: ${text}\r\n> `, undefined, { since });
  return upTo.length;
}

/** The serial output as the lines a terminal shows: "\r\n" line ends, "\b \b" erasing a cell. */
export function terminalLines(serial: string): string[] {
  const lines = [''];
  for (const ch of serial.replace(/\r\n/g, '\n')) {
    if (ch === '\n') lines.push('');
    else if (ch === '\b') lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, -1);
    else lines[lines.length - 1] += ch;
  }
  return lines;
}
