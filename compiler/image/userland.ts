// The user programs of the image (docs/processes.md, "Programs"). Each
// program is compiled with `--target user` to an ELF executable at
// USER_IMAGE_BASE, linked twice: with symbols (for tskc symbolize and gdb)
// and stripped, each segment on pages of its own in the file
// (`-z separate-loadable-segments`), which is what the disk's /bin and the
// kernel's initrd carry (volume.ts, initrd.ts).
//
// Programs are userland/programs/NAME.ts (named NAME) and the shell,
// userland/shell/main.ts (named `shell`). Compiling them is the slow part of
// an image build, so they are compiled together (compileEach: one type check
// for all), and the executables are cached under build/cache, keyed by
// a hash of everything they are made from (sources, runtime, compiler), and
// built once when several image builds run at the same time (a lock).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { compileEach } from '../driver/pipeline.js';
import { TARGETS } from '../target/target.js';
import { linkStep, ToolError } from '../driver/toolchain.js';
import { ToolJobs } from '../driver/tooljobs.js';
import { initrdObject } from './initrd.js';
import { Elf } from '../debug/elf.js';

export interface UserProgram {
  name: string;
  source: string;
  /** The executable with symbols (for tskc symbolize and gdb). */
  elf: string;
  /** The same executable stripped: what the image carries. */
  stripped: string;
  /** The address of its __tskc_debug_table (the kernel names fault locations with it). */
  debugTable: bigint;
}

/** The user programs of the tree, shell first, then userland/programs/*.ts by name. */
export function userProgramSources(root: string): { name: string; source: string }[] {
  const dir = join(root, 'userland', 'programs');
  const programs = readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()
    .map((f) => ({ name: basename(f, '.ts'), source: join(dir, f) }));
  return [{ name: 'shell', source: join(root, 'userland', 'shell', 'main.ts') }, ...programs];
}

function filesUnder(dir: string, ext: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out.sort();
}

/** A hash of every input of the user programs: their sources, the runtime, the syscall table and the compiler. */
function inputsHash(root: string): string {
  const h = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'userland'), '.ts'), ...filesUnder(join(root, 'runtime'), '.ts'),
    ...filesUnder(join(root, 'kernel', 'syscall'), '.ts'), ...filesUnder(join(root, 'dist', 'compiler'), '.js'),
  ];
  for (const f of files) h.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  h.update(TARGETS.user.linkArgs.join(' ')).update('separate-loadable-segments');
  return h.digest('hex').slice(0, 16);
}

function debugTableOf(elfPath: string): bigint {
  const sym = Elf.read(elfPath).symbols().find((s) => s.name === '__tskc_debug_table');
  if (!sym) throw new ToolError(`${elfPath}: no __tskc_debug_table symbol`);
  return sym.value;
}

/**
 * Compiles the programs into dir, over one TypeScript program: NAME (with
 * symbols) and NAME.stripped each; `log` gets a line as each one starts.
 */
function buildAll(programs: { name: string; source: string }[], dir: string, log: (m: string) => void): void {
  log(`type-check ${programs.length} user program${programs.length === 1 ? '' : 's'} (target user)`);
  // nasm and the links run in the background while the next programs compile (driver/tooljobs.ts).
  const tools = new ToolJobs();
  compileEach({
    programs: programs.map((p) => ({ entry: p.source, output: join(dir, `${p.name}.o`) })),
    target: 'user', emit: 'obj', debug: false, tools,
    onProgram: (i, n) => log(`[${i + 1}/${n}] compile '${programs[i]!.name}' (${relative(process.cwd(), programs[i]!.source)})`),
  });
  for (const { name } of programs) {
    const obj = join(dir, `${name}.o`);
    tools.run([
      linkStep([obj], join(dir, name), TARGETS.user.linkArgs),
      // The image's copy: no symbols, and each segment on its own pages of the file, so the
      // kernel can map whole read-only pages straight from it (kernel/proc/loader.ts).
      linkStep([obj], join(dir, `${name}.stripped`), [...TARGETS.user.linkArgs, '--strip-all', '-z', 'separate-loadable-segments']),
    ]);
  }
  tools.wait();
}

/** Sleeps `ms` milliseconds without returning to the event loop (image builds are synchronous). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const LOCK_STALE_MS = 10 * 60 * 1000;

/**
 * Runs `build` unless `dir` exists, holding the lock directory `dir.lock`
 * meanwhile, so that parallel image builds (test workers) compile the
 * programs once: the others wait for `dir` to appear.
 */
function buildOnce(dir: string, build: () => void): void {
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(dir)) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // the lock went away meanwhile: try again
      }
      sleepSync(200);
    }
  }
  try {
    if (!existsSync(dir)) build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The built programs of `sources` in `dir`. */
function builtIn(sources: { name: string; source: string }[], dir: string): UserProgram[] {
  return sources.map((p) => {
    const elf = join(dir, p.name);
    return { ...p, elf, stripped: `${elf}.stripped`, debugTable: debugTableOf(elf) };
  });
}

/** A program per file, named after it (`programs/hello.ts` is `hello`): the programs of a kernel of one's own. */
export function programSources(files: string[]): { name: string; source: string }[] {
  return files.map((f) => ({ name: basename(f, '.ts'), source: f }));
}

/** Builds the given programs into `dir` (no cache: they are the user's, outside this package). */
export function buildProgramsIn(sources: { name: string; source: string }[], dir: string, log: (m: string) => void): UserProgram[] {
  mkdirSync(dir, { recursive: true });
  buildAll(sources, dir, log);
  return builtIn(sources, dir);
}

/** Builds (or takes from the cache) every user program; `log` reports progress. */
export function buildUserPrograms(root: string, log: (m: string) => void): UserProgram[] {
  const sources = userProgramSources(root);
  const cacheRoot = join(root, 'build', 'cache');
  const dir = join(cacheRoot, `user-${inputsHash(root)}`);
  if (existsSync(dir)) log(`user programs unchanged: ${sources.map((p) => p.name).join(', ')} (${relative(root, dir)})`);
  mkdirSync(cacheRoot, { recursive: true });
  buildOnce(dir, () => {
    const scratch = mkdtempSync(join(cacheRoot, 'tmp-'));
    try {
      buildAll(sources, scratch, log);
      renameSync(scratch, dir);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  return builtIn(sources, dir);
}

/** The initrd object carrying `programs` (each the stripped executable) for the kernel image (initrd.ts). */
export function userProgramsObject(programs: UserProgram[], outDir: string): string {
  return initrdObject(programs.map((p) => ({ name: p.name, data: readFileSync(p.stripped) })), outDir);
}
