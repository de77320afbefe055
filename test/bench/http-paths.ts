// Part 5 of `npm run bench` (issue #17): httpd's throughput. The same
// httpd (userland/programs/httpd.ts) on the host's loopback (built
// --target linux) and in the guest behind QEMU's hostfwd on 127.0.0.1
// (restrict=on, the user-mode network under TCG): requests a second over
// one keep-alive connection and with a new connection each, and MB/s of
// the 10 MiB /big.bin. Then the guest's instructions for the same work: a
// boot with one CPU under `-icount shift=0,sleep=off`, where httpd's
// /netstat page gives the TSC and the cycles halted (the difference counts
// instructions: kernel/cpu/idletime.ts), read before and after each phase.
// Bounded: a fixed count of requests, and a time limit on the boot and on
// each phase.
import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { buildKernelImage } from '../../compiler/cli/image.js';
import { buildUserProgram } from '../userland/build.js';
import { table, type Part, type PartResult } from './parts.js';

const KEEPALIVE_REQUESTS = 300;
const NEW_CONNECTION_REQUESTS = 100;
const DOWNLOADS = 3;
const PHASE_LIMIT_MS = 180_000;
/** Requests of each kind under -icount (slower than TCG alone). */
const COUNTED_REQUESTS = 100;

interface Figures { keepAlive: number; newConnection: number; mbPerS: number }

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** GET `path` from 127.0.0.1:`port`; the body's length (and the body itself to `keep`). */
function get(port: number, path: string, agent: Agent | false, keep?: Buffer[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent, timeout: 60_000 }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => { n += d.length; keep?.push(d); });
      res.on('end', () => (res.statusCode === 200 ? resolve(n) : reject(new Error(`${path}: status ${res.statusCode}`))));
    });
    req.on('timeout', () => req.destroy(new Error(`${path}: no answer within 60 s`)));
    req.on('error', reject);
    req.end();
  });
}

async function bounded<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: over ${PHASE_LIMIT_MS / 1000} s`)), PHASE_LIMIT_MS); });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** The three figures of the server on `port`. */
async function measure(port: number): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await get(port, '/hello.txt', agent); // the connection is open before the clock starts
  let t = performance.now();
  await bounded('keep-alive requests', (async () => { for (let i = 0; i < KEEPALIVE_REQUESTS; i++) await get(port, '/hello.txt', agent); })());
  const keepAlive = KEEPALIVE_REQUESTS / ((performance.now() - t) / 1000);
  agent.destroy();
  t = performance.now();
  await bounded('new-connection requests', (async () => { for (let i = 0; i < NEW_CONNECTION_REQUESTS; i++) await get(port, '/hello.txt', false); })());
  const newConnection = NEW_CONNECTION_REQUESTS / ((performance.now() - t) / 1000);
  let mbPerS = 0;
  for (let i = 0; i < DOWNLOADS; i++) {
    t = performance.now();
    const n = await bounded('download', get(port, '/big.bin', false));
    mbPerS = Math.max(mbPerS, n / 1e6 / ((performance.now() - t) / 1000));
  }
  return { keepAlive, newConnection, mbPerS };
}

/** Resolves once `text` has appeared in `vm`'s standard output. */
function waitFor(vm: ChildProcess, seen: { text: string }, text: string): Promise<void> {
  return bounded(`waiting for '${text}'`, new Promise<void>((resolve) => {
    const check = (): void => {
      if (!seen.text.includes(text)) return;
      vm.stdout!.off('data', check);
      resolve();
    };
    vm.stdout!.on('data', check);
    check();
  }));
}

/** Boots the image with hostfwd from 127.0.0.1:`port` and starts httpd; the VM, to be killed. */
async function bootGuest(image: string, port: number, extra: string[]): Promise<ChildProcess> {
  const vm = spawn('qemu-system-x86_64', [
    '-drive', `if=virtio,format=raw,file=${image},snapshot=on`, '-serial', 'stdio', '-display', 'none', '-net', 'none', '-no-reboot',
    '-netdev', `user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:${port}-:80`, '-device', 'virtio-net-pci,netdev=n0', ...extra,
  ], { stdio: 'pipe' });
  const seen = { text: '' };
  vm.stdout!.on('data', (d: Buffer) => { seen.text += d.toString('latin1'); });
  try {
    await waitFor(vm, seen, 'tskc:/$ ');
    await waitFor(vm, seen, '(dhcp)');
    vm.stdin!.write('httpd 80 any &\r');
    await waitFor(vm, seen, 'httpd: listening on port 80');
  } catch (e) {
    vm.kill('SIGKILL');
    throw e;
  }
  return vm;
}

/** Instructions the guest executed so far: the TSC less the cycles halted, from httpd's /netstat. */
async function executed(port: number): Promise<number> {
  const body: Buffer[] = [];
  await get(port, '/netstat', false, body);
  const text = Buffer.concat(body).toString();
  const value = (name: string): number => {
    const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
    if (m === null) throw new Error(`/netstat has no ${name}`);
    return Number(m[1]);
  };
  return value('cpu_tsc') - value('cpu_idle_tsc');
}

interface Counted { keepAlive: number; newConnection: number; perKiB: number }

/** Instructions per request and per KiB, each phase bracketed by two /netstat reads (the cost of one read, measured first, taken off). */
async function countInstructions(port: number): Promise<Counted> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  await get(port, '/hello.txt', agent);
  let at = await executed(port);
  const phase = async (work: () => Promise<unknown>): Promise<number> => {
    await bounded('counted phase', work());
    const now = await executed(port);
    const n = now - at;
    at = await executed(port); // the next phase starts from a fresh read
    return n;
  };
  const read = await phase(async () => {});
  const keepAlive = await phase(async () => { for (let i = 0; i < COUNTED_REQUESTS; i++) await get(port, '/hello.txt', agent); });
  agent.destroy();
  const newConnection = await phase(async () => { for (let i = 0; i < COUNTED_REQUESTS; i++) await get(port, '/hello.txt', false); });
  let bytes = 0;
  const download = await phase(async () => { bytes = await get(port, '/big.bin', false); });
  return {
    keepAlive: (keepAlive - read) / COUNTED_REQUESTS,
    newConnection: (newConnection - read) / COUNTED_REQUESTS,
    perKiB: (download - read) / (bytes / 1024),
  };
}

export const httpPathsPart: Part = {
  key: 'httpPaths',
  title: 'httpd: requests a second and MB/s, host loopback vs the guest through hostfwd',
  run: async (o): Promise<PartResult> => {
    o.log('http: building the kernel and httpd for the host');
    const img = buildKernelImage({ outDir: join(o.outDir, 'kernel'), debug: false, quiet: true });
    const hostPort = await freePort();
    const host = spawn(buildUserProgram('programs/httpd.ts'), [String(hostPort), 'local', join(o.root, 'userland', 'www')], { stdio: 'pipe' });
    let hostFigures: Figures;
    try {
      await new Promise<void>((resolve) => host.stdout!.once('data', () => resolve()));
      o.log('http: the host httpd');
      hostFigures = await measure(hostPort);
    } finally {
      host.kill();
    }
    const guestPort = await freePort();
    const vm = await bootGuest(img.diskImage, guestPort, ['-smp', '2']);
    let guestFigures: Figures;
    try {
      o.log('http: the guest httpd');
      guestFigures = await measure(guestPort);
    } finally {
      vm.kill('SIGKILL');
    }
    o.log('http: the guest httpd under -icount, one CPU');
    const countedPort = await freePort();
    const counted = await bootGuest(img.diskImage, countedPort, ['-smp', '1', '-icount', 'shift=0,sleep=off']);
    let insns: Counted;
    try {
      insns = await countInstructions(countedPort);
    } finally {
      counted.kill('SIGKILL');
    }
    const f = (x: number): string => x.toFixed(x < 10 ? 2 : 0);
    const rows = [
      [`requests/s, one keep-alive connection (${KEEPALIVE_REQUESTS} × /hello.txt)`, f(guestFigures.keepAlive), f(hostFigures.keepAlive)],
      [`requests/s, a new connection each (${NEW_CONNECTION_REQUESTS} × /hello.txt)`, f(guestFigures.newConnection), f(hostFigures.newConnection)],
      [`MB/s, /big.bin (10 MiB, best of ${DOWNLOADS})`, f(guestFigures.mbPerS), f(hostFigures.mbPerS)],
      [`guest instructions per keep-alive request (-icount, ${COUNTED_REQUESTS} × /hello.txt)`, insns.keepAlive.toFixed(0), ''],
      [`guest instructions per new-connection request (-icount, ${COUNTED_REQUESTS} × /hello.txt)`, insns.newConnection.toFixed(0), ''],
      ['guest instructions per KiB of /big.bin (-icount)', insns.perKiB.toFixed(0), ''],
    ];
    return { lines: table(['measure', 'guest (tskc, hostfwd)', 'host (Linux, loopback)'], rows), json: { guest: guestFigures, host: hostFigures, guestInstructions: insns } };
  },
};
