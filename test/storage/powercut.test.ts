// Power cuts: the fswrite torture runs in seeded N rounds on a fresh
// volume (each under a directory of its own, synced when it ends), then
// one more with `fswrite / fill keep` typed after it, and QEMU is killed
// with SIGKILL a seeded delay after that round's verdict (the serial
// marker), while the fill writes the volume full: the disk then holds
// whatever write-backs of evicted blocks had happened. The same image is booted again:
// the kernel must mount it (or refuse it with a message) and reach the
// shell with no panic; `fswalk /` walks the whole tree, writes a file and
// syncs; the shell still answers. The files of the rounds that ended
// before the cut must be the host's own run's, byte for byte. What
// `e2fsck -fn` says of the volume is recorded, not asserted: ext2 has no
// journal, so a cut between syncs can leave counts, bitmaps or a
// half-made change behind (docs/storage.md, "Power cuts").
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPT, shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from './vm.js';
import { debugfsCat, fsck, makeExt2, stage } from './ext2image.js';
import { rng } from './damagegen.js';

const SEEDS = [1, 2, 3];
const OPS = 150;
const CRASH = /kernel panic|page fault|general protection|invalid opcode|double fault|killed: #/;

const verdict = 'fswrite: torture ok\nfswrite: done, 0 failed\n';

describe('power cuts during the fswrite torture', () => {
  it(`leave a volume that mounts, walks and keeps the synced rounds' files (seeds ${SEEDS.join(', ')})`, async () => {
    const exe = buildUserProgram('programs/fswrite.ts');
    for (const seed of SEEDS) {
      const next = rng(seed);
      const rounds = 1 + next(3); // rounds that end before the cut
      const delayMs = 50 + next(1500); // how far into the fill QEMU dies
      const hostDir = mkdtempSync(join(tmpdir(), 'tskc-powercut-'));
      const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('welcome to tskc\n') } }), 16, 1024, false);
      let vm = await bootShellWithDisks([{ file: image }]);
      for (let r = 0; r < rounds; r++) {
        const args = ['torture', String(seed * 100 + r), String(OPS), String.fromCharCode(97 + r)];
        expect((await run(exe, [hostDir, ...args])).stdout).toBe(verdict);
        expect(await shellRun(vm, `fswrite / ${args.join(' ')}`, hangLimit(120_000))).toBe(verdict);
      }
      // One more round with the fill typed ahead: once the round's verdict (the marker) is out, the
      // fill is writing the volume full, evicted blocks going to the disk as it goes.
      const lastArgs = ['torture', String(seed * 100 + rounds), String(OPS), String.fromCharCode(97 + rounds)];
      expect((await run(exe, [hostDir, ...lastArgs])).stdout).toBe(verdict);
      const last = `fswrite / ${lastArgs.join(' ')}`;
      const at = vm.serial().length;
      await vm.sendSerial(`${last}\rfswrite / fill keep\r`);
      await vm.waitForSerial('fswrite: done, 0 failed', hangLimit(120_000), { since: at });
      await vm.waitForSerial('fswrite / fill keep\r\n', hangLimit(30_000), { since: at });
      await new Promise((resolve) => setTimeout(resolve, delayMs)); // the seeded cut point, not a wait for the guest
      expect(vm.serial()).not.toMatch(CRASH);
      await vm.kill(); // SIGKILL: no sync, no shutdown

      vm = await bootShellWithDisks([{ file: image }]);
      const mounted = /ext2: mounted disk 0/.test(vm.serial());
      if (!mounted) expect(vm.serial()).toMatch(/ext2: not mounted: .+/);
      const walk = await shellRun(vm, 'fswalk /', hangLimit(120_000));
      expect(walk).toMatch(/^fswalk: \d+ entries/);
      expect(await shellRun(vm, 'echo alive')).toBe('alive\n');
      expect(vm.serial()).not.toMatch(CRASH);
      expect(vm.serial().endsWith(PROMPT)).toBe(true);
      await vm.kill();

      for (let r = 0; r <= rounds; r++) {
        const dir = String.fromCharCode(97 + r);
        for (let k = 0; k < 6; k++) {
          let want: Buffer | null = null;
          try { want = readFileSync(join(hostDir, `${dir}/f${k}`)); } catch { want = null; }
          if (want) expect(debugfsCat(image, `/${dir}/f${k}`).equals(want), `seed ${seed}: ${dir}/f${k}, synced before the cut`).toBe(true);
        }
      }
      const check = fsck(image);
      const problems = check.output.split('\n').filter((l) => /Fix\?|count wrong|differences|has|Unattached|Entry/.test(l));
      console.log(`powercut seed ${seed}: ${rounds + 1} rounds, cut ${delayMs} ms into the fill; ${mounted ? 'mounted' : 'refused'}; ${walk.trim()}; e2fsck -fn exit ${check.status}${problems.length ? `: ${problems.slice(0, 6).join(' | ')}` : ''}`);
    }
  }, hangLimit(900_000));
});
