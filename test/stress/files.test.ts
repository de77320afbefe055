// The stress check runs exactly the test files that boot QEMU.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { qemuTestFiles } from './files.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('test:stress file list', () => {
  it('holds the QEMU test files and no others', () => {
    const files = qemuTestFiles(root);
    for (const f of ['test/kernel/interrupts.test.ts', 'test/processes/shell.test.ts', 'test/harness/qemu.test.ts']) expect(files).toContain(f);
    for (const f of ['test/backend/arith.test.ts', 'test/stress/files.test.ts']) expect(files).not.toContain(f);
  });

  it('narrows to the paths given', () => {
    const files = qemuTestFiles(root, ['test/kernel']);
    expect(files.length).toBeGreaterThan(3);
    expect(files.every((f) => f.startsWith('test/kernel/'))).toBe(true);
    expect(qemuTestFiles(root, ['test/kernel/rtc.test.ts'])).toEqual(['test/kernel/rtc.test.ts']);
  });
});
