// The tsconfig presets users extend (tskc/tsconfig/kernel.json, …/user.json)
// give the editor exactly what tskc compiles a program with: the target's
// lib declarations and runtime support code (runtimeFilesFor), so a name
// the support code declares (InterruptFrame) is known in the editor too.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runtimeFilesFor } from '../../compiler/frontend/program.js';
import { TARGETS } from '../../compiler/target/target.js';

const root = join(import.meta.dirname, '..', '..');

describe.each([['kernel', TARGETS.kernel], ['user', TARGETS.user]] as const)('runtime/tsconfig/%s.json', (name, target) => {
  it("names the target's declarations and support code", () => {
    const dir = join(root, 'runtime', 'tsconfig');
    const preset = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as { files: string[] };
    const { libs, support } = runtimeFilesFor(target);
    expect(preset.files.map((f) => resolve(dir, f))).toEqual([...libs, ...support]);
  });
});
