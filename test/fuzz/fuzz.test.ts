// Differential fuzzing: PROGRAMS seeded random programs (test/fuzz/generator.ts)
// compiled natively with tskc and run under Node must print the same, and
// tskc must neither crash nor reject them. Programs are compiled BATCH per
// source file (see campaign.ts). The campaign seed is fixed so `npm test` is
// deterministic; FUZZ_SEED=<n> runs another campaign. A failing program is
// written to build/fuzz/<kind>-<program seed>.ts with both outputs;
// `npm run fuzz -- --program <program seed>` reruns it alone and
// `npm run fuzz -- --count 5000 --seed <n>` runs longer campaigns.
import { describe, expect, it } from 'vitest';
import { runCampaign } from './campaign.js';
import { generateProgram, programSeed } from './generator.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20240601) >>> 0;
const PROGRAMS = 1000;
const BATCH = 50;

describe(`differential fuzzing (campaign seed ${SEED})`, () => {
  it('generates the same program from the same seed, and different ones from others', () => {
    expect(generateProgram(12345, 'p0')).toBe(generateProgram(12345, 'p0'));
    expect(generateProgram(12345, 'p0')).not.toBe(generateProgram(12346, 'p0'));
    // The name only renames: the program's shape depends on the seed alone.
    expect(generateProgram(777, 'p9').replaceAll('p9', 'p0')).toBe(generateProgram(777, 'p0'));
    expect(programSeed(SEED, 0)).not.toBe(programSeed(SEED, 1));
  });

  let programs = 0;
  for (let start = 0; start < PROGRAMS; start += BATCH) {
    it(`programs ${start}..${start + BATCH - 1} print the same natively and under Node`, () => {
      const seeds = Array.from({ length: BATCH }, (_, k) => programSeed(SEED, start + k));
      const s = runCampaign({ seed: SEED, count: BATCH, batch: BATCH, programSeeds: seeds });
      programs += s.programs;
      const report = s.failures.map(
        (f) => `${f.kind}: program seed ${f.programSeed} (campaign seed ${SEED}, program ${start + Number(f.name.slice(1))}) written to ${f.file}\n${f.detail}`,
      );
      expect(report).toEqual([]);
      expect(s.programs).toBe(BATCH);
    }, 120_000);
  }

  it(`ran ${PROGRAMS} programs`, () => expect(programs).toBe(PROGRAMS));
});
