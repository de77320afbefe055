// Which test files drive QEMU: those that boot a VM through the harness
// (test/harness/qemu.ts or test/kernel/kernel.ts). Used by the stress check.
import fs from 'node:fs';
import path from 'node:path';

const BOOTS = /\b(useQemu|bootQemu|bootKernel|bootToShell|bootTestKernel|bootToPrompt)\(/;

function walk(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
}

/** The QEMU test files under test/, relative to `root`, sorted; only those under a `filters` path when given. */
export function qemuTestFiles(root: string, filters: string[] = []): string[] {
  const all: string[] = [];
  walk(path.join(root, 'test'), all);
  const wanted = filters.map((f) => path.resolve(root, f));
  return all
    .filter((f) => BOOTS.test(fs.readFileSync(f, 'utf8')))
    .filter((f) => wanted.length === 0 || wanted.some((w) => f === w || f.startsWith(w + path.sep)))
    .map((f) => path.relative(root, f))
    .sort();
}
