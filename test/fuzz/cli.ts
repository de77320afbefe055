// Longer differential fuzzing campaigns than `npm test` runs:
//
//   npm run fuzz -- --count 5000 --seed 42       programs 0..4999 of campaign 42
//   npm run fuzz -- --program 248272526          one program by its own seed
//   npm run fuzz -- --print 248272526            print a program's source
//
// Options: --batch N (programs per compilation, default 40), --out DIR
// (failing programs, default build/fuzz). Prints progress and a summary
// (programs, mismatches, crashes, rejected, time); exits 1 on any failure.
import { runCampaign, DEFAULT_OUT } from './campaign.js';
import { generateProgram } from './generator.js';

function usage(msg?: string): never {
  if (msg) console.error(`fuzz: ${msg}`);
  console.error('usage: npm run fuzz -- [--count N] [--seed S] [--batch N] [--out DIR] [--program SEED...] [--print SEED]');
  process.exit(2);
}

function main(argv: string[]): number {
  let count = 1000;
  let seed = Math.floor(Math.random() * 2 ** 32);
  let batch = 40;
  let out = DEFAULT_OUT;
  const programs: number[] = [];
  const num = (i: number): number => {
    const v = Number(argv[i]);
    if (argv[i] === undefined || !Number.isInteger(v) || v < 0) usage(`${argv[i - 1]} needs a non-negative integer`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    else if (a === '--count') count = num(++i);
    else if (a === '--seed') seed = num(++i) >>> 0;
    else if (a === '--batch') batch = Math.max(1, num(++i));
    else if (a === '--out') out = argv[++i] ?? usage('--out needs a directory');
    else if (a === '--program') {
      programs.push(num(++i));
      while (argv[i + 1] !== undefined && /^\d+$/.test(argv[i + 1])) programs.push(num(++i));
    } else if (a === '--print') {
      process.stdout.write(generateProgram(num(++i) >>> 0, 'p0'));
      return 0;
    } else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument '${a}'`);
  }

  const what = programs.length > 0 ? `${programs.length} program(s) by seed` : `${count} programs, campaign seed ${seed}`;
  console.log(`tskc fuzz: ${what}, ${batch} per compilation, failures to ${out}`);
  const s = runCampaign({
    seed,
    count,
    batch,
    outDir: out,
    programSeeds: programs.length > 0 ? programs : undefined,
    log: (l) => console.log(l),
  });
  console.log('');
  console.log(`programs:     ${s.programs}`);
  console.log(`compilations: ${s.compilations}`);
  console.log(`mismatches:   ${s.mismatches}`);
  console.log(`crashes:      ${s.crashes}`);
  console.log(`rejected:     ${s.rejected}`);
  console.log(`time:         ${(s.ms / 1000).toFixed(1)} s (${(s.ms / Math.max(1, s.programs)).toFixed(0)} ms/program)`);
  for (const f of s.failures) console.log(`${f.kind}: seed ${f.programSeed} -> ${f.file}`);
  return s.failures.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
