// httpd (issue #17): the same server on the host's loopback and in the
// guest, reached from the host through QEMU's hostfwd on 127.0.0.1 (never
// another address; the guest's network is restrict=on). Pages, HEAD,
// 404, 405, 414, 400, keep-alive with pipelining, requests from several
// clients at once (bounded), 1,000 requests over 20 keep-alive connections
// at once, and a 10 MiB download whose bytes must match.
// The pages are the files of userland/www: the guest's /var/www on its
// disk, and the document root given to the host's httpd; a ".." target is
// refused with 403, a directory serves its index.html.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'node:http';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { bootOnNetwork, startHttpd } from './guest.js';
import { hangLimit } from '../harness/timing.js';
import { buildUserProgram } from '../userland/build.js';
import { bigBody, bounded, freePort, httpGet, rawExchange } from './http.js';

const WWW = join(import.meta.dirname, '..', '..', 'userland', 'www');
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** The checks both servers must pass; `requests` of them from `clients` clients at once. */
async function checkServer(port: number, requests: number, clients: number): Promise<void> {
  const index = await httpGet(port, '/');
  expect(index.status).toBe(200);
  expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(index.body.toString()).toContain('<h1>Hello from tskc</h1>');
  expect(Number(index.headers['content-length'])).toBe(index.body.length);
  const hello = await httpGet(port, '/hello.txt');
  expect([hello.status, hello.headers['content-type'], hello.body.toString()]).toEqual([200, 'text/plain', 'hello from httpd\n']);
  expect((await httpGet(port, '/style.css')).headers['content-type']).toBe('text/css');
  const headOnly = await httpGet(port, '/hello.txt', 'HEAD');
  expect([headOnly.status, headOnly.headers['content-length'], headOnly.body.length]).toEqual([200, '17', 0]);
  expect((await httpGet(port, '/nothing-here')).status).toBe(404);
  expect(index.body.equals(readFileSync(join(WWW, 'index.html')))).toBe(true);
  const dir = await httpGet(port, '/docs');
  expect([dir.status, dir.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
  expect(dir.body.equals(readFileSync(join(WWW, 'docs', 'index.html')))).toBe(true);
  const json = await httpGet(port, '/docs/info.json?x=1');
  expect([json.status, json.headers['content-type'], json.body.toString()]).toEqual([200, 'application/json', readFileSync(join(WWW, 'docs', 'info.json'), 'utf8')]);
  for (const escape of ['/../etc/motd', '/docs/../../etc/motd', '/..']) {
    expect(await rawExchange(port, `GET ${escape} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), escape).toMatch(/^HTTP\/1\.1 403 /);
  }
  const post = await httpGet(port, '/', 'POST');
  expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  expect(await rawExchange(port, `GET /${'a'.repeat(1100)} HTTP/1.1\r\nHost: x\r\n\r\n`)).toMatch(/^HTTP\/1\.1 414 /);
  expect(await rawExchange(port, 'HELLO\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  expect(await rawExchange(port, 'GET / HTTP/9.9\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
  // Keep-alive: two pipelined requests, then a third that closes, all on one connection.
  const three = await rawExchange(port, 'GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nHEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  expect(three.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(3);
  expect(three.match(/hello from httpd\n/g)).toHaveLength(2);
  expect(three).toMatch(/Connection: close\r\n\r\nhello from httpd\n$/);
  // Many clients at once, every body checked.
  const paths = Array.from({ length: requests }, (_, i) => (i % 2 === 0 ? '/hello.txt' : '/'));
  const got = await bounded(paths, clients, (p) => httpGet(port, p));
  got.forEach((r, i) => expect(r.body.equals(i % 2 === 0 ? hello.body : index.body), `request ${i}`).toBe(true));
  // 1,000 requests over 20 kept-alive connections at once, every body checked.
  const agent = new Agent({ keepAlive: true, maxSockets: 20 });
  try {
    const many = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? '/hello.txt' : '/'));
    const answers = await bounded(many, 20, (p) => httpGet(port, p, 'GET', agent));
    answers.forEach((r, i) => expect([r.status, r.body.equals(i % 2 === 0 ? hello.body : index.body)], `keep-alive request ${i}`).toEqual([200, true]));
  } finally {
    agent.destroy();
  }
  const big = await httpGet(port, '/big.bin');
  expect(big.body.length).toBe(10 * 1024 * 1024);
  expect(sha(big.body)).toBe(sha(bigBody()));
}

describe('httpd', () => {
  it('serves on the host over 127.0.0.1', async () => {
    const port = await freePort();
    const server = execa(buildUserProgram('programs/httpd.ts'), [String(port), 'local', WWW], { reject: false });
    try {
      await new Promise<void>((resolve) => server.stdout!.once('data', () => resolve()));
      await checkServer(port, 200, 20);
    } finally {
      server.kill();
    }
  }, 120_000);

  it('serves from the guest through hostfwd on 127.0.0.1', async () => {
    const port = await freePort();
    const vm = await bootOnNetwork({ forward: [{ hostPort: port, guestPort: 80 }] }, '(dhcp)');
    await startHttpd(vm);
    await checkServer(port, 100, 10);
    const stat = await httpGet(port, '/netstat');
    expect(stat.body.toString()).toMatch(/^address 10\.0\.2\.15$/m);
    expect(stat.body.toString()).toMatch(/^drop_tx_full 0$/m);
  }, hangLimit(400_000));
});
