// `tskc debug` (npm run debug): builds the kernel image with DWARF line
// information, starts QEMU stopped at the first instruction with its gdb stub
// listening, and runs gdb on build/kernel.elf with a generated command file.
// The serial console goes to a file (gdb owns the terminal). See
// docs/debugging.md.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gdbScript } from '../debug/gdb.js';
import { ToolError, debianPackageOf } from '../driver/toolchain.js';
import { buildKernelImage } from './image.js';

export interface DebugOptions {
  outDir: string;
  port: number;
  /** Start QEMU only and print how to attach gdb. */
  gdb: boolean;
}

/** What the gdb command file does after connecting: stop at the kernel's first TS line. */
export const DEBUG_GDB_COMMANDS = ['break tskc.init'];

/** QEMU arguments for a headless kernel halted at reset with the gdb stub on `gdbDev`. */
export function qemuDebugArgs(diskImage: string, serialLog: string, gdbDev: string): string[] {
  return [
    '-drive', `if=virtio,format=raw,file=${diskImage},snapshot=on`, '-display', 'none', '-net', 'none', '-no-reboot',
    '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04', '-serial', `file:${serialLog}`, '-monitor', 'none',
    '-gdb', gdbDev, '-S',
  ];
}

export async function debugKernel(o: DebugOptions): Promise<number> {
  const img = buildKernelImage({ outDir: o.outDir, debug: true });
  const serialLog = join(dirname(img.kernelElf), 'serial.log');
  const script = join(dirname(img.kernelElf), 'kernel.gdb');
  writeFileSync(script, gdbScript({ elf: img.kernelElf, remote: `localhost:${o.port}`, commands: DEBUG_GDB_COMMANDS }));
  const say = (m: string): void => void process.stderr.write(`tskc debug: ${m}\n`);
  const qemu = spawn('qemu-system-x86_64', qemuDebugArgs(img.diskImage, serialLog, `tcp::${o.port}`), { stdio: 'inherit' });
  const qemuExit = new Promise<number>((resolve) => qemu.on('exit', (code) => resolve(code ?? 1)));
  qemu.on('error', (e) => say(`cannot run qemu-system-x86_64: ${e.message}`));
  say(`QEMU is stopped at reset, gdb stub on localhost:${o.port}; serial output goes to ${serialLog}`);
  if (!o.gdb) {
    say(`attach with: gdb -x ${script}`);
    return qemuExit;
  }
  say(`gdb command file: ${script} (it breaks at tskc.init; 'continue' to boot)`);
  const r = spawnSync('gdb', ['-q', '-x', script], { stdio: 'inherit' });
  qemu.kill('SIGKILL');
  await qemuExit;
  if (r.error) {
    throw new ToolError(`cannot run 'gdb': ${r.error.message}. Install it with: apt-get install --no-install-recommends ${debianPackageOf('gdb')}`);
  }
  return r.status ?? 1;
}
