// Hundreds of seeded, damaged ext2 volumes in one boot: the disk holds a
// pristine 512 KiB volume followed by COUNT copies with 1-4 spots of
// metadata damaged each (test/storage/damagegen.ts: superblock, group
// descriptor, bitmaps, inode table, directory and indirect blocks), and
// `fswalk images` mounts each in turn over `/` (mount(2) with an offset)
// and walks it: every directory listed, every entry stat'ed, every file
// read, a file written, read back and removed, sync. Per volume the
// serial line must say the walk ended within the hang limit, with no
// panic or CPU exception; at the end the shell still answers. The
// pristine volume's walk must equal the host's walk of the same tree,
// and mount refuses bad arguments (fswalk refusals) with Linux's errors.
// The seed is in the test's name (TSKC_DAMAGE_SEED chooses another, and
// TSKC_DAMAGE_COUNT the number of volumes, TSKC_DAMAGE_SPOTS the most
// damaged spots per volume, 4 by default); a failure names the image's
// seed and what was damaged.
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPT, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from './vm.js';
import { damage, imageSeed, metadataMap, pristineTree, pristineVolume, VOLUME_BYTES } from './damagegen.js';

const SEED = Number(process.env.TSKC_DAMAGE_SEED ?? 1);
const COUNT = Number(process.env.TSKC_DAMAGE_COUNT ?? 240);
const SPOTS = Number(process.env.TSKC_DAMAGE_SPOTS ?? 4);
const CRASH = /kernel panic|page fault|general protection|invalid opcode|double fault|killed by signal/;

describe(`ext2 under seeded metadata damage (seed ${SEED}${SPOTS === 4 ? '' : `, up to ${SPOTS} spots`})`, () => {
  it(`walks ${COUNT} damaged volumes in one boot with no panic or hang, and the shell still answers`, async () => {
    const started = Date.now();
    const pristine = pristineVolume();
    const regions = metadataMap(pristine);
    const file = join(mkdtempSync(join(tmpdir(), 'tskc-fsrobust-')), 'volumes.img');
    const fd = openSync(file, 'w');
    writeSync(fd, pristine, 0, pristine.length, 0);
    const logs: string[][] = [[]];
    for (let i = 1; i <= COUNT; i++) {
      const d = damage(pristine, regions, imageSeed(SEED, i), SPOTS);
      writeSync(fd, d.bytes, 0, d.bytes.length, i * VOLUME_BYTES);
      logs.push(d.log);
    }
    closeSync(fd);

    const host = await run(buildUserProgram('programs/fswalk.ts'), [pristineTree()]);
    expect(host.exitCode).toBe(0);
    const vm = await bootShellWithDisks([{ file, snapshot: true }]);
    const at = vm.serial().length;
    await vm.sendSerial(`fswalk images /dev/vda ${COUNT + 1} ${VOLUME_BYTES}\r`);
    let since = at;
    const outcomes = { refused: 0, differed: 0, same: 0 };
    const pristineLine = host.stdout.replace('fswalk: ', '').trim();
    for (let i = 0; i <= COUNT; i++) {
      const what = `image ${i} (seed ${imageSeed(SEED, i)}: ${logs[i]!.join('; ') || 'pristine'})`;
      let upTo: string;
      try {
        upTo = await vm.waitForSerial(`fswalk: image ${i} done\r\n`, hangLimit(30_000), { since });
      } catch (e) {
        throw new Error(`${what}: the walk did not end: ${(e as Error).message}`);
      }
      const out = upTo.slice(since);
      since = upTo.length;
      if (CRASH.test(out)) throw new Error(`${what}: ${out}`);
      if (i === 0) expect(out).toContain(host.stdout.replace('fswalk: ', 'fswalk: image 0 ').replace(/\n/g, '\r\n'));
      else if (!out.includes('mount 0')) outcomes.refused++;
      else if (!out.includes(pristineLine)) outcomes.differed++;
      else outcomes.same++;
    }
    await vm.waitForSerial(`fswalk: end\r\n${PROMPT}`, hangLimit(30_000), { since });
    expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
    expect(await shellRun(vm, 'fswalk refusals /dev/vda')).toBe([
      'type ext3 -19', 'target /a -22', 'source /dev/vdz -2', 'flags 2 -22', 'data offset=1 -22', 'past the disk -22',
      'with a file open -16', '', 'read-only 0', 'write there -30', '',
    ].map((l, i) => (i === 7 ? 'ext2: mounted disk 0 as /: 512 blocks of 1024 bytes, 32 inodes, read-only' : l === '' ? '' : `fswalk: ${l}`)).join('\n'));
    expect(vm.serial()).not.toMatch(CRASH);
    console.log(`fsrobust seed ${SEED}: ${COUNT} damaged volumes: ${outcomes.refused} refused, ${outcomes.differed} walked unlike the pristine one, ${outcomes.same} walked like it; ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(outcomes.refused + outcomes.differed).toBeGreaterThan(COUNT / 8); // the damage reached what the kernel reads
  }, hangLimit(600_000));
});
