// `tskc doctor` on a PATH the test controls: with every tool tskc runs it
// says so (exit 0); without some it names them and prints the exact apt-get
// command for their Debian packages, and fails (exit 1) when a tool a kernel
// project needs to build and boot is among them.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { REQUIRED_TOOLS } from '../../compiler/setup/bootstrap.js';

const root = join(import.meta.dirname, '..', '..');

/** A directory holding an executable of each name. */
function fakeBin(names: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tskc-doctor-'));
  for (const n of names) {
    writeFileSync(join(dir, n), '#!/bin/sh\n');
    chmodSync(join(dir, n), 0o755);
  }
  return dir;
}

const doctor = (PATH: string) =>
  execa(process.execPath, [join(root, 'compiler', 'bin', 'tskc.js'), 'doctor'], { env: { PATH }, extendEnv: false, reject: false });

describe('tskc doctor', () => {
  it('passes without the optional tools, and still says how to install them', async () => {
    const r = await doctor(fakeBin(['nasm', 'ld.lld', 'qemu-system-x86_64']));
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}gdb +missing \(Debian package gdb; optional: .*\)$/m);
    expect(r.stdout).toMatch(/apt-get install -y --no-install-recommends gdb e2fsprogs chromium\nEverything a kernel project needs to build and boot is installed\.$/);
  });

  it('says everything is installed when it is', async () => {
    const r = await doctor(fakeBin(Object.keys(REQUIRED_TOOLS)));
    expect(r.exitCode).toBe(0);
    for (const tool of Object.keys(REQUIRED_TOOLS)) expect(r.stdout).toMatch(new RegExp(`^  ${tool.replace('.', '\\.')} +ok: `, 'm'));
    expect(r.stdout).toMatch(/^Everything tskc needs is installed\.$/m);
  });

  it('names the missing tools and the command that installs them', async () => {
    const r = await doctor(fakeBin(['nasm', 'gdb']));
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^ {2}ld\.lld +missing \(Debian package lld\)$/m);
    const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
    const missing = Object.keys(REQUIRED_TOOLS).filter((t) => t !== 'nasm' && t !== 'gdb');
    const packages = missing.map((t) => REQUIRED_TOOLS[t as keyof typeof REQUIRED_TOOLS]);
    expect(r.stdout).toContain(`Missing: ${missing.join(', ')}. On Debian or Ubuntu, install them with:\n` +
      `  ${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  });
});
