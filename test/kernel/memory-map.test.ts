// docs/memory-map.md cannot drift: every row of its "Constants" table must
// match the definition in the file it names (boot/layout.inc, kernel/kernel.ld,
// kernel/mm/*.ts), every row of its "Layout" table that names a constant must
// start or end at that constant's value, and the kernel header fields the
// memory code reads must hold what the linker placed (checked in a built image).
import { describe, expect, it } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildKernelImageAsync } from '../harness/build.js';
import { repoRoot } from '../../compiler/frontend/program.js';

const root = repoRoot();
const read = (f: string): string => readFileSync(join(root, f), 'utf8');
const doc = read('docs/memory-map.md');

/** The rows (cells, trimmed) of the markdown table under the heading that starts with `heading`. */
function table(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}`);
  expect(start, `docs/memory-map.md has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start + 1).split('\n').slice(1);
  const rows: string[][] = [];
  for (const l of lines) {
    if (l.startsWith('## ')) break;
    if (!l.startsWith('|') || /^\|[-| ]+\|$/.test(l)) continue;
    rows.push(l.split('|').slice(1, -1).map((c) => c.trim()));
  }
  return rows.slice(1); // drop the header row
}

const num = (s: string): bigint => BigInt(s.replace(/_/g, ''));

/** The offsets of the QUAD(symbol) fields of kernel.ld's .boot_header. */
function headerOffsets(ld: string): Map<string, bigint> {
  const body = /\.boot_header\s*:[^{]*\{([^}]*)\}/.exec(ld)![1];
  const offsets = new Map<string, bigint>();
  let at = 0n;
  for (const m of body.matchAll(/\b(LONG|QUAD)\(([^)]*)\)/g)) {
    offsets.set(m[2].replace(/-\s*KERNEL_VMA/, '').trim(), at); // fields are physical: symbol - KERNEL_VMA
    at += m[1] === 'LONG' ? 4n : 8n;
  }
  return offsets;
}

/** The value `file` gives `name`. */
function defined(name: string, file: string): bigint {
  const src = read(file);
  if (file.endsWith('.inc')) {
    const m = new RegExp(`^${name}\\s+equ\\s+(\\S+)`, 'm').exec(src);
    if (!m) throw new Error(`${file} does not define ${name}`);
    return num(m[1]);
  }
  if (file.endsWith('.ts')) {
    const m = new RegExp(`const ${name}(?::\\s*\\w+)?\\s*=\\s*([0-9a-fA-Fx_]+);`).exec(src);
    if (!m) throw new Error(`${file} does not define ${name} as a number`);
    return num(m[1]);
  }
  if (name === 'KERNEL_VMA') return num(/^\s*KERNEL_VMA\s*=\s*(0x[0-9a-fA-F]+)\s*;/m.exec(src)![1]);
  if (name === '. (link address)') return defined('KERNEL_VMA', file) + num(/^\s*\.\s*=\s*KERNEL_VMA\s*\+\s*(0x[0-9a-fA-F]+)\s*;/m.exec(src)![1]);
  if (name === '.text alignment') return num(/\.text\s*:\s*AT\(ADDR\(\.text\) - KERNEL_VMA\)\s*ALIGN\((\d+)\)/.exec(src)![1]);
  const field = /^(\w+) \(header offset\)$/.exec(name);
  if (field) {
    const off = headerOffsets(src).get(field[1]);
    if (off === undefined) throw new Error(`kernel.ld's .boot_header has no QUAD(${field[1]})`);
    return off;
  }
  throw new Error(`no rule to read ${name} from ${file}`);
}

const constants = table('Constants');
const value = new Map<string, bigint>();
for (const [name, v] of constants) value.set(name.replace(/`/g, ''), num(v));

describe('docs/memory-map.md', () => {
  it.each(constants.map((r) => [r[0].replace(/`/g, ''), r[1], r[2]]))('%s = %s in %s', (name, v, file) => {
    expect(defined(name, file)).toBe(num(v));
  });

  it('has the constants the kernel shares with the boot loader equal', () => {
    expect(value.get('BOOT_INFO_ADDR')).toBe(value.get('BOOTINFO_ADDR'));
    expect(value.get('KERNEL_START')).toBe(value.get('KERNEL_LOAD_ADDR'));
    expect(value.get('KERNEL_START')! + value.get('KERNEL_VMA')!).toBe(value.get('. (link address)'));
    expect(value.get('DIRECT_MAP_BASE')).toBe(value.get('DIRECT_MAP_SLOT')! << 39n | 0xffff_0000_0000_0000n); // PML4 slot, sign-extended
    expect(value.get('KERNEL_VMA')).toBe(511n << 39n | value.get('KERNEL_PDPT_SLOT')! << 30n | 0xffff_0000_0000_0000n);
    expect(value.get('KERNEL_HIGH_SLOT')).toBe(value.get('DIRECT_MAP_SLOT'));
    expect(value.get('KERNEL_HALF')).toBe(value.get('DIRECT_MAP_BASE'));
    expect(value.get('BOOT_IDENTITY_END')).toBe(value.get('IDENTITY_MAP_BYTES'));
    expect(value.get('BOOT_TABLES_START')).toBe(value.get('PML4_ADDR'));
    expect(value.get('BOOT_TABLES_END')).toBe(value.get('PD_ADDR')! + 0x1000n);
    expect(value.get('TEXT_START')).toBe(value.get('KERNEL_START')! + value.get('.text alignment')!);
    for (const f of ['bss_end', 'text_end', 'rodata_end']) {
      expect(value.get(`HDR_${f.toUpperCase()}`)).toBe(value.get(`__${f} (header offset)`));
    }
  });

  it('places every layout row that names a constant at that constant', () => {
    const rows = table('Layout').filter((r) => r[3] !== '');
    expect(rows.length).toBeGreaterThan(5);
    for (const [start, end, what, constant] of rows) {
      const v = value.get(constant.replace(/`/g, ''));
      expect(v, `${constant} (row "${what}") is in the Constants table`).toBeDefined();
      // A cell is an address, or a name such as text_end (known only at link time).
      const cells = [start, end].filter((c) => /^0x[0-9a-fA-F]+$|^\d+$/.test(c)).map(num);
      expect(cells, `row "${what}"`).toContain(v);
    }
    const row = (c: string): string[] => table('Layout').find((r) => r[3] === `\`${c}\``)!;
    const inc = (n: string): bigint => defined(n, 'boot/layout.inc');
    expect(num(row('BOOTINFO_ADDR')[1])).toBe(inc('BOOTINFO_ADDR') + inc('BI_E820_ENTRIES') + inc('E820_ENTRY_SIZE') * inc('E820_MAX_ENTRIES'));
    expect(num(row('STAGE2_ADDR')[1])).toBe(inc('STAGE2_ADDR') + inc('STAGE2_SECTORS') * inc('SECTOR_SIZE'));
    expect(num(row('BOOT_STACK_BOTTOM')[1])).toBe(inc('BOOT_STACK_TOP'));
    for (const t of ['PML4_ADDR', 'PDPT_ADDR', 'PD_ADDR']) expect(num(row(t)[1]) - num(row(t)[0])).toBe(0x1000n);
  });

  it('places user space in the PML4 slots the kernel does not use', () => {
    const [row] = table('Virtual address space').filter((r) => r[3] === '`USER_START`, `USER_END`');
    expect(row, 'a row for user space').toBeDefined();
    expect(num(row[0])).toBe(value.get('USER_START'));
    expect(num(row[1])).toBe(value.get('USER_END'));
    expect(value.get('USER_START')).toBe(128n << 39n); // PML4 slot 128
    expect(value.get('USER_IMAGE_BASE')).toBe(value.get('USER_START')); // user programs are linked where user space starts
    expect(value.get('USER_STACK_TOP')).toBe(value.get('USER_START')! + (1n << 30n)); // the end of the first GiB
    expect(value.get('USER_STACK_BOTTOM')).toBe(value.get('USER_STACK_TOP')! - value.get('STACK_PAGES')! * 4096n);
    expect(value.get('USER_END')).toBe((256n << 39n) - 4096n); // the end of slot 255, less one page
    expect(value.get('HUGE_SIZE')).toBe(2n << 20n);
  });

  it('matches the header fields of a built kernel with the linker symbols', async () => {
    const img = await buildKernelImageAsync({ outDir: mkdtempSync(join(tmpdir(), 'tskc-kernel-map-')), debug: false });
    const bin = readFileSync(img.kernelBin);
    const nm = spawnSync('nm', [img.kernelElf], { encoding: 'utf8' }).stdout;
    const sym = (s: string): bigint => num(`0x${new RegExp(`^([0-9a-f]+) \\w ${s}$`, 'm').exec(nm)![1]}`);
    for (const f of ['bss_end', 'text_end', 'rodata_end']) {
      expect(bin.readBigUInt64LE(Number(value.get(`HDR_${f.toUpperCase()}`)))).toBe(sym(`__${f}`) - value.get('KERNEL_VMA')!);
    }
    expect(sym('__text_start')).toBe(value.get('TEXT_START')! + value.get('KERNEL_VMA')!);
    expect(sym('__kernel_start')).toBe(value.get('KERNEL_START')! + value.get('KERNEL_VMA')!);
    expect(sym('_start')).toBeGreaterThanOrEqual(value.get('KERNEL_VMA')!); // the code runs in the top 2 GiB
    // The boot stack's guard page: page-aligned, right below the stack, inside .bss.
    const guard = sym('__tskc_boot_stack_guard');
    expect(guard % 4096n).toBe(0n);
    expect(sym('__tskc_boot_stack')).toBe(guard + value.get('BOOT_STACK_GUARD_SIZE')!);
    expect(guard).toBeGreaterThanOrEqual(sym('__bss_start'));
  });
});
