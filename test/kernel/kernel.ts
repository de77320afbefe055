// Shared by the kernel's QEMU tests: one kernel image per test file, booted
// as often as needed, and helpers to wait for the test build's echo loop or
// the shell (the first process of a normal build).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelImageAsync } from '../harness/build.js';
import { useQemu, type Qemu } from '../harness/qemu.js';

export const BANNER = 'tskc kernel: hello from TypeScript';
export const BOOT_MARKERS = [
  '[ok] serial', '[ok] vga', '[ok] gdt', '[ok] tss', '[ok] idt', '[ok] keyboard', '[ok] rtc ', '[ok] memory',
  '[ok] guard pages', '[ok] acpi', '[ok] pic', '[ok] pit', '[ok] irq', '[ok] pci', '[ok] fs', '[ok] syscall', '[ok] processes', '[ok] smp', '[ok] sti', BANNER,
];
/** The shell's prompt in `/` (userland/shell/dirs.ts: it shows the current directory). */
export const PROMPT = 'tskc:/$ ';
/** QEMU's exit status when a test build panics (kernel/config.ts KERNEL_EXIT_PANIC = 1). */
export const PANIC_EXIT_STATUS = 3;

type Build = { diskImage: string; kernelElf: string };
let built: Promise<Build> | null = null;
let builtTest: Promise<Build> | null = null;

/** The kernel as it is in this tree (built once per test file, in a child process): its disk image and ELF. */
export function kernelBuild(): Promise<Build> {
  built ??= buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-')), debug: true });
  return built;
}

let builtRc: Promise<Build> | null = null;

/** The kernel as `npm start` has it: its disk also has /etc/rc (the first shell starts httpd), built once per test file. */
export function rcKernelBuild(): Promise<Build> {
  builtRc ??= buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-rc-')), debug: true, rc: true });
  return builtRc;
}

/** The test build of the kernel (kernel/config.ts: panics exit QEMU, console test commands), built once per test file. */
export function testKernelBuild(): Promise<Build> {
  builtTest ??= buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-test-')), debug: true, test: true });
  return builtTest;
}

/** Boots the test build and waits for the echo loop's first prompt; `bootDisk` as in BootOptions. */
export async function bootTestKernel(o: { bootDisk?: 'virtio' | 'ide' } = {}): Promise<Qemu> {
  const k = await testKernelBuild();
  const vm = await useQemu({ image: k.diskImage, elf: k.kernelElf, bootDisk: o.bootDisk });
  await vm.waitForSerial(`${BANNER}\r\n> `);
  return vm;
}

/** Types test command `command` on the serial line and returns the serial text from before it was sent. */
export async function sendCommand(vm: Qemu, command: string): Promise<number> {
  const at = vm.serial().length;
  await vm.sendSerial(`${command}\r`);
  return at;
}

/** Boots the kernel; a failing test's report symbolizes addresses against its ELF. */
export async function bootKernel(): Promise<Qemu> {
  const k = await kernelBuild();
  return useQemu({ image: k.diskImage, elf: k.kernelElf });
}

/** Boots the test build and waits for the echo loop's first prompt (the console tests use the echo loop). */
export async function bootToPrompt(): Promise<Qemu> {
  return bootTestKernel();
}

/** Boots the kernel and waits for the shell's first prompt. */
export async function bootToShell(): Promise<Qemu> {
  const vm = await bootKernel();
  await vm.waitForSerial(`${BANNER}\r\n${PROMPT}`);
  return vm;
}

/**
 * Types `line` and Enter into the shell over the serial line and waits for
 * the next prompt; returns the output between the echoed line and that
 * prompt, with "\r\n" turned into "\n".
 */
export async function shellRun(vm: Qemu, line: string, timeoutMs?: number): Promise<string> {
  const at = vm.serial().length;
  await vm.sendSerial(`${line}\r`);
  const upTo = await vm.waitForSerial(`\r\n${PROMPT}`, timeoutMs, { since: at });
  return upTo.slice(at).replace(/\r\n/g, '\n').slice(0, -PROMPT.length).replace(new RegExp(`^${escape(line)}\n`), '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
