// tskc setup: makes a fresh checkout usable with one command.
//
// Runs before anything else in `npm start`, `npm test` and `npm run build`,
// so it is plain ES-module JavaScript that uses only Node built-ins (npm
// packages may not be installed yet). As a script it:
//   a. installs npm packages (`npm ci`) when node_modules is missing or stale,
//   b. installs the Debian tools (nasm, ld.lld, qemu-system-x86_64, gdb, mke2fs, chromium) when they
//      are not on PATH (apt-get as root, else through `sudo -n`, else it
//      prints the command to run and fails),
//   c. builds the compiler (`tsc -p compiler` into dist/compiler) when the
//      sources differ from those recorded in dist/compiler/.stamp.
// When everything is in place it only stats a few files (well under 100 ms).
//
// Usage: node compiler/setup/bootstrap.js [--quiet] [--compiler-only]
// (--compiler-only skips step b: `npm pack` builds the compiler that way.)
// The checks are exported so compiler/bin/tskc.js can reuse them; importing
// this module runs nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Repository root (two levels above this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** External tools the pipeline needs, with the Debian package providing each. */
export const REQUIRED_TOOLS = Object.freeze({
  nasm: 'nasm',
  'ld.lld': 'lld',
  'qemu-system-x86_64': 'qemu-system-x86',
  gdb: 'gdb', // source-level debugging of the kernel (npm run debug, docs/debugging.md)
  mke2fs: 'e2fsprogs', // ext2 images for the disk and its tests (docs/storage.md); brings e2fsck and debugfs
  chromium: 'chromium', // renders build/bench.html headless in its test (test/bench/html.test.ts)
});

/** Name of the stamp file written into dist/compiler after a successful build. */
export const STAMP_NAME = '.stamp';

/** Thrown by the exported functions when a step fails (message is user-facing). */
export class SetupError extends Error {
  constructor(message) {
    super(message);
    this.name = 'SetupError';
  }
}

/** @param {boolean} quiet @param {string} msg */
function say(quiet, msg) {
  if (!quiet) process.stdout.write(`tskc setup: ${msg}\n`);
}

/** @param {string} p @returns {number} mtime in ms, or -1 when it does not exist */
function mtimeOf(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return -1;
  }
}

// ---------------------------------------------------------------------------
// a. npm packages

/**
 * Why node_modules needs `npm ci`, or null when it is up to date: the
 * installed-tree marker (node_modules/.package-lock.json) is missing or older
 * than package-lock.json, or a dependency listed in package.json is missing.
 * @param {string} root
 * @returns {string | null}
 */
export function npmPackagesStaleReason(root) {
  const marker = mtimeOf(path.join(root, 'node_modules', '.package-lock.json'));
  if (marker < 0) return 'node_modules/.package-lock.json is missing';
  const lock = mtimeOf(path.join(root, 'package-lock.json'));
  if (lock > marker) return 'package-lock.json is newer than node_modules';
  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  } catch (e) {
    throw new SetupError(`cannot read package.json: ${e instanceof Error ? e.message : e}`);
  }
  const names = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
  for (const name of names) {
    if (!fs.existsSync(path.join(root, 'node_modules', name, 'package.json'))) {
      return `dependency '${name}' is not installed`;
    }
  }
  return null;
}

/**
 * Runs `npm ci` (or `npm install` when there is no package-lock.json) if
 * node_modules is stale. Throws SetupError when npm fails.
 * @param {string} root
 * @param {{ quiet?: boolean }} [opts]
 */
export function ensureNpmPackages(root, opts = {}) {
  if (npmPackagesStaleReason(root) === null) return;
  const hasLock = fs.existsSync(path.join(root, 'package-lock.json'));
  const args = hasLock ? ['ci'] : ['install'];
  say(opts.quiet, `installing npm packages (npm ${args[0]})`);
  const r = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (r.error) throw new SetupError(`cannot run npm: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`npm ${args[0]} failed (exit ${r.status ?? r.signal})`);
}

// ---------------------------------------------------------------------------
// b. Debian tools

/**
 * Full path of executable `name` found by scanning the directories of
 * `pathEnv` (a PATH-style string), or null. No process is spawned.
 * @param {string} name
 * @param {string} [pathEnv]
 * @returns {string | null}
 */
export function findOnPath(name, pathEnv = process.env.PATH ?? '') {
  for (const dir of pathEnv.split(path.delimiter)) {
    if (dir === '') continue;
    const full = path.join(dir, name);
    try {
      if (fs.statSync(full).isFile()) {
        fs.accessSync(full, fs.constants.X_OK);
        return full;
      }
    } catch {
      // not here (or not executable): keep looking
    }
  }
  return null;
}

/**
 * The required tools (keys of REQUIRED_TOOLS) missing from `pathEnv`.
 * @param {string} [pathEnv]
 * @returns {string[]}
 */
export function findMissingTools(pathEnv = process.env.PATH ?? '') {
  return Object.keys(REQUIRED_TOOLS).filter((t) => findOnPath(t, pathEnv) === null);
}

/**
 * Debian packages that provide the given tools (deduplicated, in order).
 * @param {string[]} tools
 * @returns {string[]}
 */
export function debianPackagesFor(tools) {
  const pkgs = tools.map((t) => REQUIRED_TOOLS[t] ?? t);
  return [...new Set(pkgs)];
}

/**
 * Installs missing tools with apt-get: directly as root, through `sudo -n`
 * when that works without a password, otherwise throws SetupError whose
 * message is the exact command the user has to run.
 * @param {{ quiet?: boolean, pathEnv?: string }} [opts]
 */
export function ensureTools(opts = {}) {
  const missing = findMissingTools(opts.pathEnv);
  if (missing.length === 0) return;
  const pkgs = debianPackagesFor(missing);
  const install = ['apt-get', 'install', '-y', '--no-install-recommends', ...pkgs];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  /** @type {string[]} */
  let prefix;
  if (isRoot) {
    prefix = [];
  } else {
    const probe = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    if (probe.error || probe.status !== 0) {
      throw new SetupError(
        `missing tools: ${missing.join(', ')}. Install them with:\n` +
          `  sudo ${install.join(' ')}`,
      );
    }
    prefix = ['sudo', '-n'];
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // `env VAR=…` so the variable survives sudo's environment reset.
  const run = (argv) => {
    const full = [...prefix, ...(prefix.length ? ['env', 'DEBIAN_FRONTEND=noninteractive'] : []), ...argv];
    say(opts.quiet, `running: ${full.join(' ')}`);
    const r = spawnSync(full[0], full.slice(1), { stdio: 'inherit', env });
    if (r.error) throw new SetupError(`cannot run ${full[0]}: ${r.error.message}`);
    if (r.status !== 0) throw new SetupError(`'${full.join(' ')}' failed (exit ${r.status ?? r.signal})`);
  };
  say(opts.quiet, `installing missing tools: ${missing.join(', ')} (Debian packages: ${pkgs.join(' ')})`);
  run(['apt-get', 'update']);
  run(install);
  const still = findMissingTools(opts.pathEnv);
  if (still.length > 0) {
    throw new SetupError(`still missing after apt-get install: ${still.join(', ')}`);
  }
}

// ---------------------------------------------------------------------------
// c. the compiler build

/** @param {string} rel path relative to the root, '/'-separated */
function isCompilerSource(rel) {
  return rel.endsWith('.ts') || rel.endsWith('/tsconfig.json');
}

/**
 * A fingerprint of the compiler's inputs: the path, size and mtime of every
 * *.ts and tsconfig.json under compiler/ (except compiler/bin and
 * compiler/setup) and every file under runtime/. The stamp holds the
 * fingerprint of the sources a build used, so an edit, an added, removed or
 * renamed file, or a file restored from elsewhere all make the build stale,
 * and no clock comparison is involved (a clock step cannot hide an edit).
 * @param {string} root
 * @returns {string}
 */
export function sourceFingerprint(root) {
  /** @type {string[]} */
  const rows = [];
  /** @param {string} dir @param {string} rel @param {(rel: string) => boolean} want */
  const walk = (dir, rel, want) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const childRel = `${rel}/${e.name}`;
      const child = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (childRel === 'compiler/bin' || childRel === 'compiler/setup' || e.name === 'node_modules') continue;
        walk(child, childRel, want);
      } else if (want(childRel)) {
        const st = fs.statSync(child);
        rows.push(`${childRel}\0${st.size}\0${st.mtimeMs}`);
      }
    }
  };
  walk(path.join(root, 'compiler'), 'compiler', isCompilerSource);
  walk(path.join(root, 'runtime'), 'runtime', () => true);
  rows.sort();
  return createHash('sha256').update(rows.join('\n')).digest('hex');
}

/**
 * Why dist/compiler must be rebuilt, or null when it is up to date.
 * @param {string} root
 * @returns {string | null}
 */
export function compilerStaleReason(root) {
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(root, 'dist', 'compiler', STAMP_NAME), 'utf8').trim();
  } catch {
    return `dist/compiler/${STAMP_NAME} is missing`;
  }
  if (stamp !== sourceFingerprint(root)) return 'sources changed since dist/compiler was built';
  return null;
}

/**
 * True when dist/compiler is missing or older than its sources.
 * @param {string} root
 * @returns {boolean}
 */
export function isCompilerStale(root) {
  return compilerStaleReason(root) !== null;
}

/** Blocks the thread for `ms` milliseconds without spinning. */
function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Takes dist/.build-lock (a directory, created atomically) so concurrent
 * tskc processes do not run tsc over each other; a lock older than two
 * minutes is considered abandoned. Returns the release function.
 * @param {string} root
 */
function acquireBuildLock(root) {
  const dist = path.join(root, 'dist');
  fs.mkdirSync(dist, { recursive: true });
  const lock = path.join(dist, '.build-lock');
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      return () => fs.rmSync(lock, { recursive: true, force: true });
    } catch (e) {
      if (e?.code !== 'EEXIST') throw e;
    }
    const age = Date.now() - mtimeOf(lock);
    if (mtimeOf(lock) >= 0 && age > 120_000) {
      fs.rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new SetupError(`timed out waiting for the build lock ${lock}`);
    sleepSync(50);
  }
}

/**
 * Builds the compiler with tsc when dist/compiler is stale (see
 * compilerStaleReason) and writes the stamp; does nothing and prints nothing
 * when it is up to date. Throws SetupError carrying tsc's output on failure.
 * @param {string} root
 * @param {{ quiet?: boolean }} [opts]
 */
export function buildCompilerIfStale(root, opts = {}) {
  if (compilerStaleReason(root) === null) return;
  const release = acquireBuildLock(root);
  try {
    // Someone else may have built it while we waited for the lock.
    if (compilerStaleReason(root) === null) return;
    say(opts.quiet, 'building the compiler');
    const outDir = path.join(root, 'dist', 'compiler');
    const stamp = path.join(outDir, STAMP_NAME);
    if (!fs.existsSync(stamp)) {
      // Without the stamp the output may be gone while tsc's incremental
      // build info survives, and tsc would then emit nothing: start over.
      fs.rmSync(path.join(root, 'dist', 'compiler.tsbuildinfo'), { force: true });
    }
    // Taken before tsc runs, so a source saved during the build still
    // differs from the stamp on the next run.
    const fingerprint = sourceFingerprint(root);
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'compiler')], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.error) throw new SetupError(`cannot run tsc: ${r.error.message}`);
    if (r.status !== 0) {
      const out = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
      throw new SetupError(`building the compiler failed (tsc exit ${r.status ?? r.signal}):\n${out}`);
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(stamp, `${fingerprint}\n`);
  } finally {
    release();
  }
}

/**
 * For compiler/bin/tskc.js: builds the compiler when stale, prints nothing
 * when it is up to date; on failure prints tsc's output to stderr and exits 1.
 * @param {string} root
 * @param {{ quiet?: boolean }} [opts]
 * @returns {void}
 */
export function ensureCompilerBuilt(root, opts = {}) {
  try {
    buildCompilerIfStale(root, opts);
  } catch (e) {
    fail(e);
  }
}

/** Prints a setup failure and exits 1. @returns {never} */
function fail(e) {
  const msg = e instanceof SetupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  process.stderr.write(`tskc setup: ${msg}\n`);
  process.exit(1);
}

/**
 * The script: steps a, b, c in order. Returns the exit code.
 * @param {string[]} argv arguments after the script name
 * @param {string} [root]
 * @returns {number}
 */
export function main(argv, root = ROOT) {
  const quiet = argv.includes('--quiet') || argv.includes('-q');
  const compilerOnly = argv.includes('--compiler-only');
  const unknown = argv.filter((a) => a !== '--quiet' && a !== '-q' && a !== '--compiler-only');
  if (unknown.length > 0) {
    process.stderr.write(`tskc setup: unknown argument ${unknown[0]}\nusage: node compiler/setup/bootstrap.js [--quiet] [--compiler-only]\n`);
    return 2;
  }
  try {
    ensureNpmPackages(root, { quiet });
    if (!compilerOnly) ensureTools({ quiet });
    buildCompilerIfStale(root, { quiet });
  } catch (e) {
    const msg = e instanceof SetupError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
    process.stderr.write(`tskc setup: ${msg}\n`);
    return 1;
  }
  return 0;
}

/** True when this module is the script node was started with. */
function isMainModule() {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  if (import.meta.url === pathToFileURL(path.resolve(invoked)).href) return true;
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(invoked)).href;
  } catch {
    return false;
  }
}

if (isMainModule()) {
  process.exitCode = main(process.argv.slice(2));
}
