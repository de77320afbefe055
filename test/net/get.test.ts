// get (issue #17): the HTTP client against a server of the test's on
// 127.0.0.1: on the host (built --target linux) bodies with
// Content-Length and chunked, -i, a 404's exit status 1, a refused
// connection and a bad URL's status 2; in the guest, through QEMU's
// guestfwd (10.0.2.100:80 carried to the server on 127.0.0.1; the
// network stays restrict=on), a body of 96 KiB whose length and hash the
// guest's `sum` prints.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootOnNetwork } from './guest.js';
import { shellRun } from '../kernel/kernel.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram, run } from '../userland/build.js';
import { freePort } from './http.js';

const TEXT = 'hello from the host\n';
const BIG = Buffer.from(Array.from({ length: 96 * 1024 }, (_, i) => 97 + ((i * 7) % 26)));

/** sum's answer for `bytes`: the length and the 32-bit FNV-1a hash. */
function fnv(bytes: Buffer): string {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return `${bytes.length} ${h}`;
}

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/text') res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': TEXT.length }).end(TEXT);
    else if (req.url === '/big') res.writeHead(200, { 'Content-Length': BIG.length }).end(BIG);
    else if (req.url === '/chunked') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }); // no length: Node sends it chunked
      res.write('one,');
      res.write('two,');
      res.end('three\n');
    } else res.writeHead(404, { 'Content-Length': 10 }).end('not found\n');
  });
  server.headersTimeout = 0; // the guest's connection opens when QEMU starts, its request comes after the boot
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => server.close());

describe('get', () => {
  it('fetches from a server on 127.0.0.1 on the host', async () => {
    const get = buildUserProgram('programs/get.ts');
    const text = await run(get, [`http://127.0.0.1:${port}/text`]);
    expect([text.stdout, text.exitCode]).toEqual([TEXT, 0]);
    const chunked = await run(get, [`http://127.0.0.1:${port}/chunked`]);
    expect([chunked.stdout, chunked.exitCode]).toEqual(['one,two,three\n', 0]);
    const big = await run(get, [`http://127.0.0.1:${port}/big`]);
    expect(big.stdout).toBe(BIG.toString());
    const head = await run(get, ['-i', `http://127.0.0.1:${port}/text`]);
    expect(head.stdout).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head.stdout).toMatch(/\r\ncontent-length: 20\r\n/i);
    expect(head.stdout.endsWith(`\r\n\r\n${TEXT}`)).toBe(true);
    const missing = await run(get, [`http://127.0.0.1:${port}/missing`]);
    expect([missing.stdout, missing.exitCode]).toEqual(['not found\n', 1]);
    const refused = await run(get, [`http://127.0.0.1:${await freePort()}/`]);
    expect([refused.exitCode, refused.stderr]).toEqual([2, 'get: cannot connect: errno 111\n']);
    expect((await run(get, ['http://localhost/'])).exitCode).toBe(2);
    expect((await run(get, ['ftp://127.0.0.1/'])).exitCode).toBe(2);
  });

  it('fetches from the host through guestfwd in the guest', async () => {
    const vm = await bootOnNetwork({ guestForward: [{ guestAddr: '10.0.2.100', guestPort: 80, hostPort: port }] }, '(dhcp)');
    expect(await shellRun(vm, 'get http://10.0.2.100/big | sum', hangLimit(60_000))).toBe(`${fnv(BIG)}\n`);
  }, hangLimit(300_000));
});
