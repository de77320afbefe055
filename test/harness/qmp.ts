// A tiny QMP (QEMU Machine Protocol) client: JSON objects, one per line,
// over a unix socket. Connect, read the greeting, negotiate capabilities,
// then execute commands; each command carries an id and its response is
// matched by that id (QEMU answers in order anyway). Asynchronous events
// are kept in `events` and otherwise ignored.
import net from 'node:net';

/** A QMP error response ({"error": {"class", "desc"}}) turned into an exception. */
export class QmpError extends Error {
  /** QMP error class, e.g. "GenericError" or "CommandNotFound". */
  readonly errorClass: string;
  constructor(command: string, errorClass: string, desc: string) {
    super(`QMP ${command} failed: ${errorClass}: ${desc}`);
    this.name = 'QmpError';
    this.errorClass = errorClass;
  }
}

/** The QMP connection failed or closed (typically because QEMU exited) before a response came. */
export class QmpConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QmpConnectionError';
  }
}

/** An asynchronous QMP event such as SHUTDOWN or RESET. */
export interface QmpEvent {
  event: string;
  data?: unknown;
  timestamp?: { seconds: number; microseconds: number };
}

interface Pending {
  command: string;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** A connected QMP session; create it with QmpClient.connect. */
export class QmpClient {
  /** Events received so far, oldest first. */
  readonly events: QmpEvent[] = [];
  private readonly socket: net.Socket;
  private buffer = '';
  private nextId = 1;
  private readonly pending = new Map<string, Pending>();
  private closedError: Error | null = null;
  private greeting: ((v: unknown) => void) | null = null;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.onData(chunk));
    socket.on('error', (err: Error) => this.fail(new QmpConnectionError(`QMP socket error: ${err.message}`)));
    socket.on('close', () => this.fail(new QmpConnectionError('QMP connection closed')));
  }

  /**
   * Connects to the QMP server at `socketPath` (retrying while the socket
   * does not exist yet, until `timeoutMs`), reads the greeting and sends
   * qmp_capabilities. `abort` stops the retries early (e.g. QEMU exited).
   */
  static async connect(
    socketPath: string,
    opts: { timeoutMs?: number; abort?: AbortSignal } = {},
  ): Promise<QmpClient> {
    const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
    let delay = 10;
    for (;;) {
      opts.abort?.throwIfAborted();
      try {
        const socket = await openSocket(socketPath);
        const client = new QmpClient(socket);
        try {
          await client.handshake();
        } catch (err) {
          socket.destroy();
          throw err;
        }
        return client;
      } catch (err) {
        const code = (err as { code?: string }).code;
        const retryable = code === 'ENOENT' || code === 'ECONNREFUSED';
        if (!retryable || Date.now() + delay > deadline) {
          throw new Error(`cannot connect to QMP at ${socketPath}: ${(err as Error).message}`);
        }
      }
      // The socket appears a few milliseconds after QEMU starts; back off a
      // little each time (10, 20, 40, 80, 100, 100… ms).
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 100);
    }
  }

  /** Executes a QMP command and resolves with its "return" value. */
  execute<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
    if (this.closedError) return Promise.reject(this.closedError);
    const id = `tskc-${this.nextId++}`;
    const msg: Record<string, unknown> = { execute: command, id };
    if (args !== undefined) msg.arguments = args;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { command, resolve: resolve as (v: unknown) => void, reject });
      this.socket.write(`${JSON.stringify(msg)}\n`);
    });
  }

  /** Closes the connection; pending commands are rejected. */
  close(): void {
    this.fail(new QmpConnectionError('QMP connection closed by the client'));
    this.socket.destroy();
  }

  private handshake(): Promise<void> {
    return new Promise<unknown>((resolve, reject) => {
      this.greeting = resolve;
      // A failure before the greeting must reject too.
      this.pending.set('greeting', { command: 'greeting', resolve, reject });
    }).then(async () => {
      await this.execute('qmp_capabilities');
    });
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (line !== '') this.onMessage(line);
    }
  }

  private onMessage(line: string): void {
    let msg: Record<string, unknown>;
    try {
      msg = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return; // not JSON: ignore
    }
    if ('QMP' in msg) {
      const g = this.greeting;
      this.greeting = null;
      this.pending.delete('greeting');
      g?.(msg);
      return;
    }
    if ('event' in msg) {
      this.events.push(msg as unknown as QmpEvent);
      return;
    }
    // Responses carry our id; a response without one (which QEMU only sends
    // for unparsable input) goes to the oldest pending command.
    let id = typeof msg.id === 'string' ? msg.id : undefined;
    if (id === undefined) id = [...this.pending.keys()].find((k) => k !== 'greeting');
    if (id === undefined) return;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if ('error' in msg) {
      const e = msg.error as { class?: string; desc?: string };
      p.reject(new QmpError(p.command, e.class ?? 'Error', e.desc ?? JSON.stringify(e)));
    } else {
      p.resolve(msg.return);
    }
  }

  private fail(err: Error): void {
    if (!this.closedError) this.closedError = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

function openSocket(path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.createConnection({ path });
    s.once('connect', () => {
      s.removeListener('error', reject);
      resolve(s);
    });
    s.once('error', reject);
  });
}
