// Programs that panic: stdout up to the panic, then `panic: MESSAGE` and
// the TypeScript location on stderr, and exit status 134.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile } from '../../compiler/driver/pipeline.js';
import { expectedOutput, scratch } from './programs.js';

const dir = join(import.meta.dirname, 'panics');

describe('panics', () => {
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    it(f, () => {
      const file = join('test', 'compiler', 'panics', f);
      const source = readFileSync(file, 'utf8');
      const exe = join(scratch(), 'prog');
      compile({ entries: [file], target: 'linux', emit: 'exe', output: exe, debug: false, verifyIr: true });
      const r = spawnSync(exe, [], { encoding: 'utf8' });
      expect(r.stdout).toBe(expectedOutput(source));
      const stderr = source.split('\n').filter((l) => l.startsWith('// stderr: ')).map((l) => l.slice(11) + '\n').join('');
      expect(r.stderr).toBe(stderr);
      expect(r.status).toBe(134);
    });
  }
});
