// A minimal client of tsserver's protocol for the editor tests: starts the
// real tsserver of typescript 6.0.3 (node_modules) as an editor does, sends
// requests as JSON lines on its stdin and reads the Content-Length framed
// responses and events from its stdout.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface ServerDiagnostic {
  text: string;
  code: number;
  source?: string;
  start: { line: number; offset: number };
  category: string;
}

let servers = 0;

export class TsServer {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private readonly waiting = new Map<number, (body: unknown) => void>();
  /** tsserver's log (its --logFile), for a failure's message. */
  readonly logFile: string;

  /**
   * `typescript`: the TypeScript package whose tsserver runs (this
   * repository's by default); `nodeArgs`: options for the Node running it.
   */
  constructor(probeDir: string, typescript = join(root, 'node_modules', 'typescript'), nodeArgs: string[] = []) {
    this.logFile = join(probeDir, `tsserver-${++servers}.log`);
    const tsserver = join(typescript, 'lib', 'tsserver.js');
    this.proc = spawn(process.execPath, [...nodeArgs, tsserver, '--disableAutomaticTypingAcquisition', '--pluginProbeLocations', probeDir,
      '--allowLocalPluginLoads', '--logVerbosity', 'normal', '--logFile', this.logFile], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = /^Content-Length: (\d+)\r\n\r\n/.exec(this.buffer.toString('latin1', 0, Math.min(this.buffer.length, 64)));
      if (!header) return;
      const start = header[0].length;
      const end = start + Number(header[1]);
      if (this.buffer.length < end) return;
      const msg = JSON.parse(this.buffer.toString('utf8', start, end)) as { type: string; request_seq?: number; body?: unknown; success?: boolean; message?: string };
      this.buffer = this.buffer.subarray(end);
      if (msg.type === 'response' && msg.request_seq !== undefined) {
        this.waiting.get(msg.request_seq)?.(msg.success === false ? new Error(msg.message) : msg.body);
        this.waiting.delete(msg.request_seq);
      }
    }
  }

  /** Sends a request; resolves with the response's body. */
  request(command: string, args: object): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, (body) => (body instanceof Error ? reject(body) : resolve(body)));
      this.proc.stdin!.write(JSON.stringify({ seq, type: 'request', command, arguments: args }) + '\n');
    });
  }

  /** Opens a file as an editor does, then asks for its semantic diagnostics. */
  async diagnostics(file: string): Promise<ServerDiagnostic[]> {
    await this.request('open', { file });
    return (await this.request('semanticDiagnosticsSync', { file })) as ServerDiagnostic[];
  }

  close(): void {
    this.proc.kill();
  }
}
