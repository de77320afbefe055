// Minimal declarations for the Node.js built-ins the compiler uses.
// The project's dependency list has no @types/node, so the few APIs tskc
// touches are declared here; extend this file when a new one is needed.

declare module 'node:fs' {
  export interface Stats { mtimeMs: number; size: number; isFile(): boolean; isDirectory(): boolean }
  export function readFileSync(path: string): Uint8Array & { toString(enc?: string): string };
  export function readFileSync(path: string, enc: 'utf8'): string;
  export function writeFileSync(path: string, data: string | Uint8Array, opts?: { mode?: number }): void;
  export function existsSync(path: string): boolean;
  export function mkdirSync(path: string, opts?: { recursive?: boolean }): void;
  export function mkdtempSync(prefix: string): string;
  export function rmSync(path: string, opts?: { recursive?: boolean; force?: boolean }): void;
  export function statSync(path: string): Stats;
  export function readdirSync(path: string): string[];
  export function chmodSync(path: string, mode: number): void;
  export function copyFileSync(src: string, dst: string): void;
  export function renameSync(from: string, to: string): void;
}

declare module 'node:crypto' {
  export interface Hash { update(data: string | Uint8Array): Hash; digest(enc: 'hex'): string }
  export function createHash(algorithm: string): Hash;
}

declare module 'node:path' {
  export function join(...parts: string[]): string;
  export function resolve(...parts: string[]): string;
  export function dirname(p: string): string;
  export function basename(p: string, ext?: string): string;
  export function extname(p: string): string;
  export function relative(from: string, to: string): string;
  export function isAbsolute(p: string): boolean;
  export const sep: string;
  const path: {
    join: typeof join; resolve: typeof resolve; dirname: typeof dirname; basename: typeof basename;
    extname: typeof extname; relative: typeof relative; isAbsolute: typeof isAbsolute; sep: string;
  };
  export default path;
}

declare module 'node:os' {
  export function tmpdir(): string;
  export function availableParallelism(): number;
}

declare module 'node:url' {
  export function fileURLToPath(url: string | URL): string;
  export function pathToFileURL(path: string): URL;
}

declare module 'node:child_process' {
  export interface SpawnSyncResult { status: number | null; signal: string | null; stdout: string; stderr: string; error?: Error }
  export function spawnSync(cmd: string, args: string[], opts?: { encoding?: 'utf8'; stdio?: 'inherit' | 'pipe'; input?: string; env?: Record<string, string | undefined> }): SpawnSyncResult;
  export interface ChildProcess {
    readonly pid?: number;
    kill(signal?: string): boolean;
    on(event: 'exit', f: (code: number | null, signal: string | null) => void): ChildProcess;
    on(event: 'error', f: (e: Error) => void): ChildProcess;
  }
  export function spawn(cmd: string, args: string[], opts?: { stdio?: 'inherit' | 'pipe' | 'ignore' }): ChildProcess;
}

declare class URL { constructor(url: string, base?: string | URL); readonly href: string; readonly pathname: string }

interface ImportMeta { readonly url: string }

declare const process: {
  argv: string[];
  env: Record<string, string | undefined>;
  exitCode: number | undefined;
  platform: string;
  cwd(): string;
  exit(code?: number): never;
  hrtime: { bigint(): bigint };
  versions: { node: string };
  execPath: string;
  getuid?: () => number;
  stdout: { isTTY?: boolean; write(s: string): boolean };
  stderr: { isTTY?: boolean; write(s: string): boolean };
};

declare const console: { log(...a: unknown[]): void; error(...a: unknown[]): void };

declare module 'node:worker_threads' {
  export interface MessagePort { postMessage(value: unknown): void; close(): void }
  export class MessageChannel { readonly port1: MessagePort; readonly port2: MessagePort }
  export class Worker {
    constructor(code: string | URL, opts: { eval?: boolean; execArgv?: string[]; workerData?: unknown; transferList?: MessagePort[] });
    unref(): void;
    terminate(): Promise<number>;
    postMessage(value: unknown): void;
  }
  export function receiveMessageOnPort(port: MessagePort): { message: unknown } | undefined;
  /** In a worker: the workerData its parent gave. */
  export const workerData: unknown;
}
