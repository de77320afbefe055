// Builds the bootable BIOS disk image: links the kernel objects with
// kernel/kernel.ld (ELF for symbols + flat binary for the loader) and the
// APs' start-up trampoline (boot/trampoline.asm, an ELF object in the
// kernel's .rodata), assembles the two boot stages and writes stage1 +
// stage2 + kernel.bin as disk.img; given a staging tree, an ext2 volume
// made of it follows as partition 1 of the MBR's table (volume.ts).
// Sizes and limits come from boot/layout.inc; docs/boot-sequence.md
// describes the layout.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTool, link, ToolError } from '../driver/toolchain.js';
import { LINUX_PARTITION, makeExt2Volume, VOLUME_BYTES, writePartitionEntry } from './volume.js';

export interface ImageOptions {
  kernelObjs: string[];
  outDir: string;
  root: string; // repo root
  log?: (msg: string) => void;
  /** A directory to make partition 1's ext2 volume of (without it the disk has no partition). */
  staging?: string;
}

export interface ImageResult {
  diskImage: string;
  kernelElf: string;
  kernelBin: string;
  kernelBytes: number;
  /** Partition 1 (first sector and sectors), when the disk has one. */
  partition?: { lba: number; sectors: number };
}

const SECTOR = 512;
const MIN_DISK_BYTES = 1024 * 1024;
const KERNEL_MAGIC = 0x4b4b5354; // 'TSKK'
const KERNEL_VERSION = 1;
const HEADER_BYTES = 32;

/** Linker flags for the kernel (both the ELF and the flat binary). */
export function kernelLinkFlags(root: string): string[] {
  return [
    '-T', join(root, 'kernel', 'kernel.ld'),
    '-static', '--no-pie', '-nostdlib',
    '-z', 'max-page-size=4096',
    '--build-id=none',
  ];
}

/** The `NAME equ <number>` constants of boot/layout.inc. */
export function readBootLayout(root: string): Map<string, number> {
  const file = join(root, 'boot', 'layout.inc');
  const consts = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([A-Za-z_]\w*)\s+equ\s+(0x[0-9a-fA-F]+|\d+)\s*(;.*)?$/.exec(line);
    if (m) consts.set(m[1], Number(m[2]));
  }
  return consts;
}

function layoutConst(layout: Map<string, number>, name: string): number {
  const v = layout.get(name);
  if (v === undefined) {
    throw new ToolError(`boot/layout.inc does not define ${name} as a plain number`);
  }
  return v;
}

function padTo(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

export function buildImage(opts: ImageOptions): ImageResult {
  const log = opts.log ?? ((): void => {});
  const { root, outDir } = opts;
  const bootDir = join(root, 'boot');
  const layout = readBootLayout(root);
  const stage2Sectors = layoutConst(layout, 'STAGE2_SECTORS');
  const maxKernelBytes = layoutConst(layout, 'MAX_KERNEL_BYTES');
  const loadAddr = layoutConst(layout, 'KERNEL_LOAD_ADDR');
  const mappedBytes = layoutConst(layout, 'IDENTITY_MAP_BYTES');
  mkdirSync(outDir, { recursive: true });

  // 1. Kernel: ELF with symbols, then the flat binary stage 2 loads.
  log('link kernel.elf');
  const kernelElf = join(outDir, 'kernel.elf');
  const kernelBin = join(outDir, 'kernel.bin');
  const flags = kernelLinkFlags(root);
  const objs = [...opts.kernelObjs, assembleTrampoline(bootDir, outDir)];
  link(objs, kernelElf, flags);
  link(objs, kernelBin, [...flags, '--oformat', 'binary']);
  const bin = readFileSync(kernelBin);
  if (bin.length > maxKernelBytes) {
    throw new ToolError(`kernel image is ${bin.length} bytes; the boot stub loads at most ` +
      `${maxKernelBytes} bytes (boot/layout.inc MAX_KERNEL_BYTES)`);
  }
  const kernelBytes = checkKernelHeader(bin, kernelBin, loadAddr, mappedBytes);
  if (kernelBytes > maxKernelBytes) {
    throw new ToolError(`kernel image is ${kernelBytes} bytes; the boot stub loads at most ` +
      `${maxKernelBytes} bytes (boot/layout.inc MAX_KERNEL_BYTES)`);
  }

  // 2. Boot stages (flat binaries, fixed sizes).
  log('assemble boot stages');
  const stage1 = assembleStage(bootDir, 'stage1', outDir, SECTOR);
  const stage2 = assembleStage(bootDir, 'stage2', outDir, stage2Sectors * SECTOR);

  // 3. disk.img = stage1 | stage2 | kernel.bin, zero padded to whole sectors
  //    covering load_end, and to at least 1 MiB; then, with a staging tree,
  //    partition 1 on the next 1 MiB boundary: the ext2 volume made of it.
  const kernelStart = stage1.length + stage2.length;
  const used = kernelStart + padTo(kernelBytes, SECTOR);
  let partition: { lba: number; sectors: number } | undefined;
  let volume: Uint8Array | undefined;
  if (opts.staging !== undefined) {
    log('make the ext2 volume (mke2fs -d)');
    volume = makeExt2Volume(opts.staging, VOLUME_BYTES);
    const lba = padTo(used, layoutConst(layout, 'PARTITION_ALIGN') * SECTOR) / SECTOR;
    partition = { lba, sectors: volume.length / SECTOR };
  }
  const end = partition ? (partition.lba + partition.sectors) * SECTOR : used;
  const disk = new Uint8Array(Math.max(end, MIN_DISK_BYTES));
  disk.set(stage1, 0);
  disk.set(stage2, stage1.length);
  disk.set(bin, kernelStart);
  if (partition && volume) {
    writePartitionEntry(disk, layoutConst(layout, 'MBR_TABLE'), 0, LINUX_PARTITION, partition.lba, partition.sectors);
    disk.set(volume, partition.lba * SECTOR);
  }
  const diskImage = join(outDir, 'disk.img');
  writeFileSync(diskImage, disk);
  log(`write disk.img (${Math.ceil(disk.length / 1024)} KiB${partition ? `, partition 1 from sector ${partition.lba}` : ''})`);

  return { diskImage, kernelElf, kernelBin, kernelBytes, partition };
}

/** Validates the 32-byte TSKK header; returns load_end - loadAddr. */
function checkKernelHeader(bin: Uint8Array, path: string, loadAddr: number, mappedBytes: number): number {
  const view = new DataView(bin.buffer, bin.byteOffset, bin.byteLength);
  if (bin.length < HEADER_BYTES || view.getUint32(0, true) !== KERNEL_MAGIC) {
    throw new ToolError(`${path}: no 'TSKK' boot header at offset 0 (is kernel/kernel.ld ` +
      `the linker script, with .boot_header first?)`);
  }
  const version = view.getUint32(4, true);
  const entry = Number(view.getBigUint64(8, true));
  const loadEnd = Number(view.getBigUint64(16, true));
  const bssEnd = Number(view.getBigUint64(24, true));
  const hex = (n: number): string => '0x' + n.toString(16);
  if (version !== KERNEL_VERSION) {
    throw new ToolError(`${path}: boot header version ${version}, the boot stub expects ${KERNEL_VERSION}`);
  }
  if (entry < loadAddr + HEADER_BYTES || entry >= loadEnd) {
    throw new ToolError(`${path}: entry ${hex(entry)} (_start) is outside the loaded image ` +
      `[${hex(loadAddr + HEADER_BYTES)}, ${hex(loadEnd)})`);
  }
  if (bssEnd < loadEnd || bssEnd > mappedBytes) {
    throw new ToolError(`${path}: bss_end ${hex(bssEnd)} must lie between load_end ${hex(loadEnd)} ` +
      `and the end of the identity map ${hex(mappedBytes)}`);
  }
  const imageBytes = loadEnd - loadAddr;
  if (bin.length > imageBytes) {
    throw new ToolError(`${path} is ${bin.length} bytes but its header says the image ends at ` +
      `${hex(loadEnd)} (${imageBytes} bytes): a section landed after __load_end in kernel/kernel.ld`);
  }
  return imageBytes;
}

/** boot/trampoline.asm as an ELF object (symbols ap_trampoline, ap_trampoline_end; kernel/smp/trampoline.ts copies it). */
function assembleTrampoline(bootDir: string, outDir: string): string {
  const out = join(outDir, 'trampoline.o');
  runTool('nasm', ['-f', 'elf64', '-Werror=all', '-I', bootDir + '/', '-o', out, join(bootDir, 'trampoline.asm')]);
  return out;
}

function assembleStage(bootDir: string, name: string, outDir: string, size: number): Uint8Array {
  const out = join(outDir, `${name}.bin`);
  runTool('nasm', ['-f', 'bin', '-Werror=all', '-I', bootDir + '/', '-o', out, join(bootDir, `${name}.asm`)]);
  const bytes = readFileSync(out);
  if (bytes.length !== size) {
    throw new ToolError(`boot/${name}.asm assembled to ${bytes.length} bytes, expected ${size}`);
  }
  if (name === 'stage1' && (bytes[510] !== 0x55 || bytes[511] !== 0xaa)) {
    throw new ToolError('boot/stage1.asm does not end with the 55 AA boot signature');
  }
  if (name === 'stage1' && bytes.subarray(440, 510).some((b) => b !== 0)) {
    throw new ToolError('boot/stage1.asm runs into the disk signature and partition table (bytes 440-509 must be zero)');
  }
  return bytes;
}
