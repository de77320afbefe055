// HTTP helpers of the network tests: one request per connection
// (node:http without an agent, "Connection: close" unless asked
// otherwise) or over a pool of keep-alive connections, a raw exchange over one socket for keep-alive and malformed
// requests, a free port on 127.0.0.1, and the body /big.bin must have.
import { Agent, createServer, request } from 'node:http';
import { connect } from 'node:net';

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request to 127.0.0.1:`port`, on a connection of its own, or on one of `agent`'s kept-alive connections. */
export function httpGet(port: number, path: string, method = 'GET', agent?: Agent): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers = agent ? {} : { connection: 'close' };
    const req = request({ host: '127.0.0.1', port, path, method, agent: agent ?? false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends `text` on one connection to 127.0.0.1:`port` and collects what comes back until the server closes or `until` matches. */
export function rawExchange(port: number, text: string, until?: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('connect', () => s.write(text));
    s.on('data', (d) => {
      got += d.toString('latin1');
      if (until?.test(got)) s.destroy();
    });
    s.on('close', () => resolve(got));
    s.on('error', reject);
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a !== null ? a.port : 0));
    });
  });
}

/** What /big.bin is: 10 MiB, byte i = (i * 7 + 3) % 251. */
export function bigBody(): Buffer {
  const b = Buffer.alloc(10 * 1024 * 1024);
  for (let i = 0; i < b.length; i++) b[i] = (i * 7 + 3) % 251;
  return b;
}

/** Runs `work` on `items` with at most `limit` at a time. */
export async function bounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
