// The tskc command line: build, run, check, image. Each command parses its
// options, calls the driver, and leaves error reporting to cli/report.ts.
import { Command, Option } from 'commander';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { compile, compileEach } from '../driver/pipeline.js';
import type { AssemblerName } from '../driver/pipeline.js';
import { CompileError, DiagnosticBag } from '../diag/diagnostic.js';
import type { EmitKind } from '../driver/pipeline.js';
import type { TargetName } from '../target/target.js';
import { Timings } from '../driver/timings.js';
import { checkOnly } from '../driver/check.js';
import { buildKernelImage, bootImage } from './image.js';
import { debugKernel } from './debug.js';
import { symbolize } from '../debug/symbolize.js';
import { repoRoot } from '../frontend/program.js';
import { guard } from './report.js';
import { ToolError } from '../driver/toolchain.js';
import { formatExplanation, loadExplanations, normalizeCode } from '../diag/explain.js';
import { doctor } from './doctor.js';
import { initProject } from '../init/init.js';

const version = (JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { version: string }).version;

const targetOption = () =>
  new Option('-t, --target <target>', 'what to compile for').choices(['kernel', 'user', 'linux']).default('linux');

function defaultOutput(entry: string, emit: EmitKind): string {
  const stem = basename(entry).replace(/\.ts$/, '');
  return emit === 'exe' ? stem : `${stem}.${emit === 'obj' ? 'o' : emit}`;
}

interface BuildFlags {
  target: TargetName; emit: EmitKind; output?: string; each: boolean; outDir?: string;
  debug: boolean; timings: boolean; verifyIr: boolean; assembler: AssemblerName; jobs?: string;
}

function optionError(message: string): never {
  const diags = new DiagnosticBag();
  diags.global('TSK1100', message);
  throw new CompileError(diags.items);
}

/** `build --each`: each file's output in --out-dir, named as a build of that file alone would name it. */
function eachOutputs(files: string[], o: BuildFlags): { entry: string; output: string }[] {
  if (o.output !== undefined) optionError('-o names one output; with --each, name the directory with --out-dir');
  const byName = new Map<string, string>();
  return files.map((entry) => {
    const name = defaultOutput(entry, o.emit);
    const other = byName.get(name);
    if (other !== undefined) optionError(`--each: '${other}' and '${entry}' would both be written to '${name}'; build them separately`);
    byName.set(name, entry);
    return { entry, output: join(o.outDir ?? '.', name) };
  });
}

function jobsOption(o: BuildFlags): number | undefined {
  if (o.jobs === undefined) return undefined;
  const n = Number(o.jobs);
  if (!Number.isInteger(n) || n < 1) optionError(`--jobs takes a whole number of threads, 1 or more, not '${o.jobs}'`);
  return n;
}

const program = new Command()
  .name('tskc')
  .description('Compile a no-GC subset of TypeScript to x86-64 (docs/language.md)')
  .version(version, '-v, --version')
  .showHelpAfterError();

program
  .command('build')
  .description('compile TypeScript files to an executable, object file, assembly or IR')
  .argument('<files...>', 'entry files of one program (their imports are followed); with --each, one program per file')
  .addOption(targetOption())
  .addOption(new Option('--emit <kind>', 'what to write').choices(['exe', 'obj', 'asm', 'ir']).default('exe'))
  .option('-o, --output <path>', 'output file')
  .option('--each', 'build each file as a program of its own (one type check for all), into --out-dir', false)
  .option('--out-dir <dir>', 'with --each: where each program is written, named after its file (a.ts → DIR/a)')
  .option('-j, --jobs <n>', 'with --each: threads that compile programs (default: one per core; 1: one after another)')
  .option('-g, --debug', 'DWARF line information pointing at the TypeScript sources', false)
  .option('--timings', 'print the time each stage took (with --each: summed over the programs)', false)
  .option('--verify-ir', 'run the IR verifier after every pass', false)
  .addOption(new Option('--assembler <name>', 'who writes the object: the built-in assembler (nasm for what it does not cover) or nasm').choices(['builtin', 'nasm']).default('builtin'))
  .action((files: string[], o: BuildFlags) =>
    guard(() => {
      const timings = o.timings ? new Timings() : undefined;
      const stages = { target: o.target, emit: o.emit, debug: o.debug, verifyIr: o.verifyIr, timings, assembler: o.assembler };
      if (o.each) compileEach({ ...stages, programs: eachOutputs(files, o), jobs: jobsOption(o) });
      else {
        if (o.outDir !== undefined) optionError('--out-dir is for --each builds; use -o for one program');
        if (o.jobs !== undefined) optionError('--jobs is for --each builds (one program compiles on one thread)');
        compile({ ...stages, entries: files, output: o.output ?? defaultOutput(files[0], o.emit) });
      }
      if (timings) process.stderr.write(`tskc build timings:\n${timings.report()}\n`);
    }));

program
  .command('run')
  .description('compile a program for this machine (linux target) and run it')
  .argument('<file>', 'the program')
  .argument('[args...]', 'arguments for the program')
  .option('-g, --debug', 'DWARF line information', false)
  .action((file: string, _args: string[], o: { debug: boolean }) =>
    guard(() => {
      const dir = mkdtempSync(join(tmpdir(), 'tskc-run-'));
      try {
        const exe = join(dir, basename(file).replace(/\.ts$/, ''));
        compile({ entries: [file], target: 'linux', emit: 'exe', output: exe, debug: o.debug });
        const r = spawnSync(exe, _args, { stdio: 'inherit' });
        process.exitCode = r.status ?? 1;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }));

program
  .command('check')
  .description('type-check and check the tskc subset rules, without generating code')
  .argument('<files...>', 'entry files')
  .addOption(targetOption())
  .action((files: string[], o: { target: TargetName }) => guard(() => checkOnly(files, o.target)));

program
  .command('image')
  .description('build a kernel (this package\'s kernel/main.ts, or --entry) and its user programs into build/disk.img')
  .option('--boot', 'then boot it in QEMU with the serial console in this terminal', false)
  .option('--no-debug', 'leave out the DWARF line information gdb uses (on by default)')
  .option('--out-dir <dir>', 'where to write kernel.elf and disk.img', 'build')
  .option('--entry <file>', 'the kernel\'s entry file: a kernel of your own (docs/getting-started.md)')
  .option('--programs <files...>', 'with --entry: the user programs the image carries, each named after its file')
  .addOption(new Option('--assembler <name>', 'who writes the kernel\'s object: the built-in assembler (nasm for what it does not cover) or nasm').choices(['builtin', 'nasm']).default('builtin'))
  .option('--timings', 'print the time each stage of the kernel\'s compile took (and why nasm assembled it, if it did)', false)
  .action((o: { boot: boolean; debug: boolean; outDir: string; entry?: string; programs?: string[]; assembler: AssemblerName; timings: boolean }) =>
    guard(() => {
      if (o.programs !== undefined && o.entry === undefined) optionError('--programs goes with --entry (the kernel that runs them)');
      const timings = o.timings ? new Timings() : undefined;
      const img = buildKernelImage({ outDir: resolve(o.outDir), debug: o.debug, entry: o.entry && resolve(o.entry), programs: o.programs, rc: true, assembler: o.assembler, timings });
      if (timings) process.stderr.write(`tskc image: kernel compile timings:\n${timings.report()}\n`);
      if (o.boot) process.exitCode = bootImage(img.diskImage);
    }));

program
  .command('symbolize')
  .description('name the TS function and file:line:col of code addresses (hex) in a tskc-built ELF')
  .argument('<addresses...>', 'addresses in hex (0x101a2f, 101a2f, RIP=0x101a2f)')
  .option('--elf <file>', 'the executable or kernel the addresses belong to', 'build/kernel.elf')
  .action((addresses: string[], o: { elf: string }) =>
    guard(() => {
      for (const l of symbolize(o.elf, addresses)) process.stdout.write(`${l}\n`);
    }));

program
  .command('debug')
  .description('build the kernel with -g, start QEMU halted with its gdb stub, and run gdb on build/kernel.elf')
  .option('--out-dir <dir>', 'where to write kernel.elf, disk.img, kernel.gdb and serial.log', 'build')
  .option('--port <n>', 'TCP port of QEMU\'s gdb stub', '1234')
  .option('--no-gdb', 'start QEMU only and print the gdb command to attach with')
  .action((o: { outDir: string; port: string; gdb: boolean }) =>
    guard(async () => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ToolError(`--port: '${o.port}' is not a TCP port number`);
      process.exitCode = await debugKernel({ outDir: o.outDir, port, gdb: o.gdb });
    }));

program
  .command('explain')
  .description('print the rule behind a diagnostic code, with a wrong and a right example (docs/language.md §10)')
  .argument('<code>', 'a tskc code: TSK1003 (or 1003)')
  .action((arg: string) =>
    guard(() => {
      const code = normalizeCode(arg);
      const all = loadExplanations(repoRoot());
      const e = all.get(code);
      if (e === undefined) {
        const hint = /^TS\d+$/.test(code) ? `${code} is TypeScript's own error, worded by tsc; ` : '';
        throw new ToolError(`explain: no code '${arg}'; ${hint}tskc's codes are ${[...all.keys()].join(', ')}`);
      }
      process.stdout.write(formatExplanation(e));
    }));

program
  .command('init')
  .description('create a kernel project of your own in DIR: a boot banner, an interrupt handler, a ring-3 program, a boot test')
  .argument('<dir>', 'the new project\'s directory (its name is the project\'s)')
  .action((dir: string) => guard(() => void initProject(dir, (l) => process.stdout.write(`${l}\n`))));

program
  .command('doctor')
  .description('check that the system tools tskc runs are installed, and print the command that installs the missing ones')
  .action(() =>
    guard(async () => {
      process.exitCode = await doctor((l) => process.stdout.write(`${l}\n`));
    }));

await program.parseAsync(process.argv);
