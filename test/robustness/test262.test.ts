// Robustness: every snippet of test262-parser-tests (pass, pass-explicit,
// fail, early: 5,361 JavaScript programs, most of them far outside the tskc
// subset, a third not even valid JavaScript) given to tskc's check step must
// either be accepted or rejected with diagnostics (CompileError): never any
// other exception, never a hang.
//
// Every snippet is checked on its own terms; see snippets.ts for how this is
// done in about a minute of CPU instead of the ~15 minutes one checkOnly per snippet
// would take (a quick per-snippet TypeScript check, checkOnly alone for a
// deterministic sample of snippets TypeScript rejects, checkOnly over groups
// of name-disjoint snippets TypeScript accepts, falling back to one by one).
//
// The work runs in SHARDS child processes (both cores). A hung compiler is
// one that reports no progress (no START or RESULT line) for STALL_MS: it
// is killed and the snippet it was on is named. A loaded machine slows every
// snippet but stops none, so the whole run only has a far bound (TOTAL_MS).
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { allSnippets } from './snippets.js';
import type { SnippetResult } from './snippets.js';

/**
 * Crashes already reported, so the suite stays green until they are fixed;
 * a listed snippet that stops crashing fails the test (remove it here).
 */
/** Snippets known to crash tskc, with the crash text: none at the moment. */
const KNOWN_CRASHES: Record<string, string> = {};

const ROOT = resolve(import.meta.dirname, '..', '..');
const VITE_NODE = join(ROOT, 'node_modules', 'vite-node', 'vite-node.mjs');
const SHARDS = 2;
const STALL_MS = 180_000; // no progress this long: a hang (one check takes seconds, even loaded)
const TOTAL_MS = 1_500_000; // the whole run, at any load

interface ShardRun {
  results: SnippetResult[];
  /** The label of the last check started (the culprit if the shard timed out). */
  last: string | null;
  timedOut: boolean;
  status: number | null;
  stderr: string;
}

function runShard(k: number): Promise<ShardRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [VITE_NODE, join(import.meta.dirname, 'shard.ts'), '--', String(k), String(SHARDS)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ShardRun = { results: [], last: null, timedOut: false, status: null, stderr: '' };
    let buf = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('START ')) run.last = line.slice(6);
        else if (line.startsWith('RESULT ')) run.results.push(JSON.parse(line.slice(7)) as SnippetResult);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (run.stderr.length < 20_000) run.stderr += chunk;
    });
    const kill = (): void => {
      run.timedOut = true;
      child.kill('SIGKILL');
    };
    let stall = setTimeout(kill, STALL_MS);
    const total = setTimeout(kill, TOTAL_MS);
    child.stdout.on('data', () => {
      clearTimeout(stall);
      stall = setTimeout(kill, STALL_MS);
    });
    child.on('close', (status) => {
      clearTimeout(stall);
      clearTimeout(total);
      run.status = status;
      done(run);
    });
  });
}

describe('test262 parser snippets through tskc check', () => {
  it('accepts or rejects every snippet with diagnostics, never crashes or hangs', async () => {
    const all = allSnippets();
    expect(all.length).toBeGreaterThan(5000);
    const runs = await Promise.all(Array.from({ length: SHARDS }, (_, k) => runShard(k)));

    const hangs = runs.filter((r) => r.timedOut).map((r) => `hung (no progress for ${STALL_MS / 1000} s, or over ${TOTAL_MS / 1000} s in all) on: ${r.last}`);
    const died = runs.filter((r) => !r.timedOut && r.status !== 0).map((r) => `shard exited ${r.status} after ${r.last}:\n${r.stderr}`);
    expect([...hangs, ...died]).toEqual([]);

    const results = runs.flatMap((r) => r.results);
    const seen = new Set(results.map((r) => r.id));
    expect(all.filter((s) => !seen.has(s.id)).map((s) => s.id)).toEqual([]);

    const known = (r: SnippetResult): boolean => r.id in KNOWN_CRASHES && (r.detail ?? '').includes(KNOWN_CRASHES[r.id]);
    const crashes = results.filter((r) => r.outcome === 'crash' && !known(r)).map((r) => `${r.id} (${r.how}): ${r.detail}`);
    expect(crashes).toEqual([]);
    const fixed = Object.keys(KNOWN_CRASHES).filter((id) => !results.some((r) => r.id === id && known(r)));
    expect(fixed, 'known crashes that no longer crash: remove them from KNOWN_CRASHES').toEqual([]);

    // The checks really ran: some snippets reach sema and pass it, most are rejected.
    const count = (o: string, how?: string): number => results.filter((r) => r.outcome === o && (!how || r.how === how)).length;
    expect(count('diagnostics')).toBeGreaterThan(3000);
    expect(count('ok') + count('diagnostics', 'group')).toBeGreaterThan(500);
    expect(count('diagnostics', 'alone') + count('ok', 'alone')).toBeGreaterThan(100);
  }, TOTAL_MS + 30_000);
});
