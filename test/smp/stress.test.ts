// The storage and network stress tests again with four guest CPUs (issue
// #18: "the processes, storage and network stress tests pass with -smp 4";
// the processes' one, four torture runs at once, is in sched.test.ts).
// Storage: four fswrite tortures at once on one ext2 volume, each in its
// own directory, must all pass against their own models; after QEMU is
// gone e2fsck finds the volume clean and each directory holds the bytes a
// run of the same torture on the host left. Network: httpd in the guest
// answers 1,000 requests over 20 keep-alive connections at once, and 100
// more from 10 clients opening a connection each, every body checked,
// and its counters show no dropped frame. The waits are for serial text
// and HTTP answers, with generous hang limits (a loaded host slows a
// four-CPU guest most).
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { bootShellWithDisks } from '../storage/vm.js';
import { debugfsCat, fsck, makeExt2, stage } from '../storage/ext2image.js';
import { bootOnNetwork, startHttpd } from '../net/guest.js';
import { bounded, freePort, httpGet } from '../net/http.js';

const CPUS = 4;
const OPS = '1000';
const RUNS: [number, string][] = [[21, 'a'], [22, 'b'], [23, 'c'], [24, 'd']];
const WWW = join(import.meta.dirname, '..', '..', 'userland', 'www');

describe('-smp 4 stress', () => {
  it('four fswrite tortures at once leave the volume clean, each with its own files', async () => {
    const exe = buildUserProgram('programs/fswrite.ts');
    const hostDir = mkdtempSync(join(tmpdir(), 'tskc-smp-fswrite-'));
    for (const [seed, dir] of RUNS) {
      expect((await run(exe, [hostDir, 'torture', String(seed), OPS, dir])).stdout).toBe('fswrite: torture ok\nfswrite: done, 0 failed\n');
    }
    const image = makeExt2(stage({ 'etc/motd': { data: Buffer.from('welcome to tskc\n') } }), 48, 4096, false);
    const vm = await bootShellWithDisks([{ file: image }], CPUS);
    expect(vm.serial()).toContain(`smp: ${CPUS} CPUs online`); // the programs come from the initrd here: the volume has no nproc
    const at = vm.serial().length;
    for (const [seed, dir] of RUNS.slice(0, -1)) await shellRun(vm, `fswrite / torture ${seed} ${OPS} ${dir} &`);
    const [lastSeed, lastDir] = RUNS[RUNS.length - 1]!;
    await shellRun(vm, `fswrite / torture ${lastSeed} ${OPS} ${lastDir}`, hangLimit(300_000));
    await shellRun(vm, 'wait', hangLimit(300_000));
    const out = vm.serial().slice(at);
    expect(out.match(/fswrite: torture ok/g)?.length, out).toBe(RUNS.length);
    expect(out.match(/fswrite: done, 0 failed/g)?.length, out).toBe(RUNS.length);
    expect(out).not.toMatch(/FAILED/);
    expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection|invalid opcode|killed: #/);
    await vm.kill();
    const check = fsck(image);
    expect(check.status, check.output).toBe(0);
    for (const [, dir] of RUNS) {
      for (let k = 0; k < 6; k++) {
        let want: Buffer | null = null;
        try { want = readFileSync(join(hostDir, `${dir}/f${k}`)); } catch { want = null; }
        if (want) expect(debugfsCat(image, `/${dir}/f${k}`).equals(want), `${dir}/f${k}`).toBe(true);
      }
    }
  }, hangLimit(900_000));

  it('httpd answers 1,000 keep-alive requests and 100 single ones, every body checked', async () => {
    const port = await freePort();
    const vm = await bootOnNetwork({ forward: [{ hostPort: port, guestPort: 80 }] }, '(dhcp)', { cpus: CPUS });
    await startHttpd(vm);
    const hello = readFileSync(join(WWW, 'hello.txt'));
    const index = readFileSync(join(WWW, 'index.html'));
    const want = (i: number): Buffer => (i % 2 === 0 ? hello : index);
    const paths = (n: number): string[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '/hello.txt' : '/'));
    const agent = new Agent({ keepAlive: true, maxSockets: 20 });
    try {
      const answers = await bounded(paths(1000), 20, (p) => httpGet(port, p, 'GET', agent));
      answers.forEach((r, i) => expect([r.status, r.body.equals(want(i))], `keep-alive request ${i}`).toEqual([200, true]));
    } finally {
      agent.destroy();
    }
    const single = await bounded(paths(100), 10, (p) => httpGet(port, p));
    single.forEach((r, i) => expect([r.status, r.body.equals(want(i))], `request ${i}`).toEqual([200, true]));
    const stat = (await httpGet(port, '/netstat')).body.toString();
    expect(stat).toMatch(/^drop_tx_full 0$/m);
    expect(vm.serial()).not.toMatch(/kernel panic|page fault|general protection|invalid opcode/);
  }, hangLimit(600_000));
});
