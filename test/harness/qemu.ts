// QEMU test harness: boots a disk image headless and lets a vitest test talk
// to it through the serial line (COM1 on QEMU's stdin/stdout), the keyboard
// and VGA text memory (through QMP), and observe its exit status
// (isa-debug-exit at port 0xf4: writing v makes QEMU exit with (v<<1)|1).
//
// Usage:
//   const vm = await bootQemu({ image: 'build/disk.img' });
//   try {
//     await vm.waitForSerial('login:');
//     await vm.sendKeys('ls\n');
//     expect((await vm.readScreen())[0]).toMatch(/^tskc/);
//   } finally {
//     await vm.kill();
//   }
// or `const vm = await useQemu({...})`, which kills it in onTestFinished.
//
// Timing: nothing here assumes an idle host. sendKeys types in bursts that
// QEMU's PS/2 queue holds and waits for the guest's echo of each (lineEcho,
// or the test's own echo function); every default limit is a hang limit
// scaled by the host's load (timing.ts). docs/testing.md has the rules.
//
// Cleanup: every instance is killed by kill(), by its hard timeout (timeoutMs),
// by a process 'exit' hook and on SIGTERM/SIGINT/SIGHUP (how vitest ends its
// workers). QEMU also runs under coreutils `timeout`, so
// even a worker that dies abruptly cannot leave a VM running past its timeout.
// Tests must still kill their VMs (try/finally or useQemu) so that parallel
// tests do not compete with leftovers for CPU.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { onTestFailed, onTestFinished } from 'vitest';
import { QmpClient, QmpConnectionError } from './qmp.js';
import { symbolizeLog } from './symbolize.js';
import { hangLimit } from './timing.js';

export { QmpClient, QmpConnectionError, QmpError, type QmpEvent } from './qmp.js';

/**
 * Default hard limit on a VM's lifetime, after which QEMU is killed: a backstop
 * for a VM a test forgot, not a test's time limit (useQemu kills each VM when its
 * test ends), so it is long and scaled like every hang limit (timing.ts).
 */
export const DEFAULT_QEMU_TIMEOUT_MS = hangLimit(300_000);
/** Default time waitForSerial waits for its marker: a hang limit (timing.ts), not an expected time. */
export const DEFAULT_WAIT_MS = hangLimit(30_000);
/** Guest CPUs of a VM whose test does not say (BootOptions.cpus). */
export const DEFAULT_CPUS = 2;

/**
 * The QEMU arguments for `cpus` guest CPUs: -smp, and with more than one,
 * multi-threaded TCG (each guest CPU on a host thread of its own), unless
 * `extraArgs` ask for -icount, which needs the single-threaded one.
 */
export function smpArgs(cpus: number, extraArgs: string[] = []): string[] {
  const icount = extraArgs.includes('-icount');
  return ['-smp', String(cpus), ...(cpus > 1 && !icount ? ['-accel', 'tcg,thread=multi'] : [])];
}

/** I/O port of the isa-debug-exit device every VM gets. */
export const DEBUG_EXIT_PORT = 0xf4;

/** Options of bootQemu. */
export interface BootOptions {
  /** Raw disk image to boot (-drive format=raw). */
  image: string;
  /**
   * How the boot image is attached (default 'virtio': `-drive if=virtio`,
   * as `npm start` does, so the kernel sees it as virtio disk 0 and mounts
   * its partition 1). 'ide' keeps it on the IDE controller, out of the
   * kernel's sight: the kernel then boots with no disk, or with the
   * `virtioDisks` alone (numbered from 0).
   */
  bootDisk?: 'virtio' | 'ide';
  /** Guest RAM in MiB (default 128). */
  memoryMiB?: number;
  /** Guest CPUs (-smp; default DEFAULT_CPUS); see smpArgs. */
  cpus?: number;
  /** Extra QEMU command-line arguments, appended last. */
  extraArgs?: string[];
  /** Hard limit on the VM's lifetime in ms (default DEFAULT_QEMU_TIMEOUT_MS). */
  timeoutMs?: number;
  /**
   * Boot from a throw-away overlay (-drive snapshot=on, default true): guest
   * writes are discarded and any number of VMs can boot the same image at
   * once. With false the image is opened read-write and locked by QEMU.
   */
  snapshot?: boolean;
  /**
   * Raw images attached as virtio-blk PCI disks, in order (`-drive
   * if=none,id=dN` plus `-device virtio-blk-pci,drive=dN`); written in
   * place unless `snapshot` is set.
   */
  virtioDisks?: VirtioDisk[];
  /** A virtio-net NIC on QEMU's user-mode network (always restrict=on), see networkArgs. */
  network?: GuestNetwork;
  /** QEMU binary (default qemu-system-x86_64 from PATH). */
  qemuBinary?: string;
  /** The kernel ELF inside the image: code addresses in failure reports are symbolized against it. */
  elf?: string;
}

/** A disk image for BootOptions.virtioDisks. */
export interface VirtioDisk {
  file: string;
  /** Discard the guest's writes (default false: the test reads them back from the file). */
  snapshot?: boolean;
  /** Attach it read-only: the device fails every write. */
  readonly?: boolean;
  /** A modern-only virtio device (PCI id 1af4:1042, `disable-legacy=on`) instead of the transitional 1af4:1001. */
  modern?: boolean;
}

/** The QEMU arguments that attach `disks` as virtio-blk PCI devices. */
export function virtioDiskArgs(disks: VirtioDisk[]): string[] {
  return disks.flatMap((d, i) => [
    '-drive', `file=${path.resolve(d.file)},if=none,id=d${i},format=raw${d.snapshot ? ',snapshot=on' : ''}${d.readonly ? ',readonly=on' : ''}`,
    '-device', `virtio-blk-pci,drive=d${i}${d.modern ? ',disable-legacy=on' : ''}`,
  ]);
}

/**
 * The guest's network: QEMU's user-mode network with TCP ports of
 * 127.0.0.1 forwarded to the guest's ports; or, with `dgram`, a wire to
 * the test itself: every frame the guest sends is a UDP datagram to
 * 127.0.0.1:remotePort, and datagrams to 127.0.0.1:localPort are frames
 * the guest receives (the frame fuzzer).
 */
export interface GuestNetwork {
  forward?: { hostPort: number; guestPort: number }[];
  /**
   * Guest connections to guestAddr:guestPort (an address of QEMU's
   * 10.0.2.0/24, not the guest's own) carried to 127.0.0.1:hostPort:
   * QEMU's guestfwd, whose socket connects to the host once, when QEMU
   * starts, so the host's server must listen by then and each forward
   * carries one connection.
   */
  guestForward?: { guestAddr: string; guestPort: number; hostPort: number }[];
  dgram?: { localPort: number; remotePort: number };
}

/**
 * The QEMU arguments of a virtio-net NIC on the user-mode network: always
 * restrict=on (nothing the guest sends leaves QEMU), host forwards bound to
 * 127.0.0.1 only, guest forwards to 127.0.0.1 only (docs/network.md, "Where traffic may go").
 */
export function networkArgs(net: GuestNetwork | undefined): string[] {
  if (net === undefined) return [];
  if (net.dgram !== undefined) {
    const { localPort, remotePort } = net.dgram;
    return ['-netdev', `dgram,id=n0,local.type=inet,local.host=127.0.0.1,local.port=${localPort},remote.type=inet,remote.host=127.0.0.1,remote.port=${remotePort}`,
      '-device', 'virtio-net-pci,netdev=n0'];
  }
  const fwd = (net.forward ?? []).map((f) => `,hostfwd=tcp:127.0.0.1:${f.hostPort}-:${f.guestPort}`).join('');
  const gfwd = (net.guestForward ?? []).map((f) => {
    if (!/^10\.0\.2\.\d{1,3}$/.test(f.guestAddr) || f.guestAddr === '10.0.2.15') throw new Error(`guestForward: ${f.guestAddr} is not an address of QEMU's network`);
    return `,guestfwd=tcp:${f.guestAddr}:${f.guestPort}-tcp:127.0.0.1:${f.hostPort}`;
  }).join('');
  return ['-netdev', `user,id=n0,restrict=on${fwd}${gfwd}`, '-device', 'virtio-net-pci,netdev=n0'];
}

/** The exit status QEMU reports after the guest writes `value` to isa-debug-exit. */
export function debugExitStatus(value: number): number {
  return ((value << 1) | 1) & 0xff;
}

// ---------------------------------------------------------------------------
// Keyboard: characters and key names to QMP qcodes.

const SHIFTED: Record<string, string> = {
  '!': '1', '@': '2', '#': '3', '$': '4', '%': '5', '^': '6', '&': '7', '*': '8', '(': '9', ')': '0',
  _: 'minus', '+': 'equal', '{': 'bracket_left', '}': 'bracket_right', '|': 'backslash',
  ':': 'semicolon', '"': 'apostrophe', '~': 'grave_accent', '<': 'comma', '>': 'dot', '?': 'slash',
};

const UNSHIFTED: Record<string, string> = {
  ' ': 'spc', '\n': 'ret', '\r': 'ret', '\b': 'backspace', '\x7f': 'backspace', '\t': 'tab', '\x1b': 'esc',
  '-': 'minus', '=': 'equal', '[': 'bracket_left', ']': 'bracket_right', '\\': 'backslash',
  ';': 'semicolon', "'": 'apostrophe', '`': 'grave_accent', ',': 'comma', '.': 'dot', '/': 'slash',
};

const KEY_NAMES: Record<string, string> = {
  ctrl: 'ctrl', control: 'ctrl', shift: 'shift', alt: 'alt', meta: 'meta_l', super: 'meta_l',
  enter: 'ret', return: 'ret', space: 'spc', backspace: 'backspace', tab: 'tab', esc: 'esc', escape: 'esc',
  up: 'up', down: 'down', left: 'left', right: 'right', home: 'home', end: 'end',
  pageup: 'pgup', pgup: 'pgup', pagedown: 'pgdn', pgdn: 'pgdn', insert: 'insert', delete: 'delete', del: 'delete',
};

/** QMP qcodes typing character `ch` (['shift', 'a'] for 'A'); throws for unsupported characters. */
export function charToQcodes(ch: string): string[] {
  if (/^[a-z0-9]$/.test(ch)) return [ch];
  if (/^[A-Z]$/.test(ch)) return ['shift', ch.toLowerCase()];
  if (ch in UNSHIFTED) return [UNSHIFTED[ch]!];
  if (ch in SHIFTED) return ['shift', SHIFTED[ch]!];
  throw new Error(`sendKeys: no key for character ${JSON.stringify(ch)}`);
}

/** QMP qcode for a key name used by sendKey ('ctrl', 'enter', 'f1', 'a', '1', '/' …); raw qcodes pass through. */
export function keyNameToQcode(name: string): string {
  const lower = name.toLowerCase();
  if (lower in KEY_NAMES) return KEY_NAMES[lower]!;
  if (/^f([1-9]|1[0-2])$/.test(lower)) return lower;
  if (name.length === 1) {
    const codes = charToQcodes(lower);
    return codes[codes.length - 1]!;
  }
  return lower; // assume it already is a qcode (e.g. 'kp_enter', 'sysrq')
}

/**
 * Bytes QEMU's emulated PS/2 keyboard queues for the guest (PS2_QUEUE_SIZE in
 * QEMU's hw/input/ps2.c); a scancode that arrives while the queue is full is
 * dropped. The host delivers keys on QEMU's clock whether or not the guest
 * runs, so a test that types faster than the guest reads measures how the host
 * schedules QEMU's threads, not the kernel.
 */
export const PS2_QUEUE_BYTES = 16;
/**
 * Scancode bytes sendKeys types before it waits for the guest's echo: the
 * queue less room for the releases of the last keys, which may still be in
 * flight when their characters have been echoed.
 */
export const KEY_BURST_BYTES = PS2_QUEUE_BYTES - 4;

const EXTENDED_QCODES = new Set(['up', 'down', 'left', 'right', 'home', 'end', 'pgup', 'pgdn', 'insert', 'delete',
  'kp_enter', 'kp_divide', 'ctrl_r', 'alt_r', 'meta_l', 'meta_r', 'menu']);

/** Scancode-set-1 bytes a key combination puts in the PS/2 queue: make and break of each key, 0xE0 prefixes included. */
export function scancodeBytes(qcodes: string[]): number {
  return qcodes.reduce((n, q) => n + (EXTENDED_QCODES.has(q) ? 4 : 2), 0);
}

/**
 * What a line-editing console echoes for typed character `ch`: printable
 * ASCII itself, Enter a new line, Backspace "\b \b" (the kernel's echo loop
 * and the shell both do this). Other characters have no fixed echo: pass
 * sendKeys an echo function, or `echo: false` and wait yourself.
 */
export function lineEcho(ch: string): string {
  if (ch === '\n' || ch === '\r') return '\r\n';
  if (ch === '\b' || ch === '\x7f') return '\b \b';
  if (ch >= ' ' && ch <= '~') return ch;
  throw new Error(`sendKeys: no known echo for ${JSON.stringify(ch)}; pass an echo function or echo: false`);
}

/** Options of Qemu.sendKeys. */
export interface KeyOptions {
  /** How long each key is held down, in ms (QMP send-key hold-time; default 20). */
  holdMs?: number;
  /**
   * The guest's echo of each character (default lineEcho), which sendKeys
   * waits for after every burst of KEY_BURST_BYTES scancode bytes; false types
   * without waiting, which only a text of one burst may do.
   */
  echo?: ((ch: string) => string) | false;
}

// ---------------------------------------------------------------------------
// VGA text decoding.

// Code page 437, the VGA text-mode character set, for bytes 0x01-0x1f and 0x7f-0xff.
const CP437_LOW = ' ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼';
const CP437_HIGH =
  '⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** The character VGA shows for code-page-437 byte `b` (NUL shows as a space). */
export function cp437Char(b: number): string {
  if (b < 0x20) return CP437_LOW[b]!;
  if (b < 0x7f) return String.fromCharCode(b);
  return CP437_HIGH[b - 0x7f]!;
}

// ---------------------------------------------------------------------------

const live = new Set<Qemu>();

function killAllSync(): void {
  for (const vm of [...live]) vm.killSync();
}

process.on('exit', killAllSync);

// Vitest ends its fork workers with SIGTERM, which skips 'exit' hooks; while
// VMs are alive, kill them on the usual termination signals and then let the
// signal take its normal course.
const TERMINATION_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
let signalHooksInstalled = false;

function onTerminationSignal(signal: (typeof TERMINATION_SIGNALS)[number]): void {
  killAllSync();
  removeSignalHooks();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function installSignalHooks(): void {
  if (signalHooksInstalled) return;
  signalHooksInstalled = true;
  for (const sig of TERMINATION_SIGNALS) process.on(sig, onTerminationSignal);
}

function removeSignalHooks(): void {
  if (!signalHooksInstalled) return;
  signalHooksInstalled = false;
  for (const sig of TERMINATION_SIGNALS) process.off(sig, onTerminationSignal);
}

function track(vm: Qemu): void {
  live.add(vm);
  installSignalHooks();
}

function untrack(vm: Qemu): void {
  live.delete(vm);
  if (live.size === 0) removeSignalHooks();
}

/** Number of QEMU instances started by this process that are not yet cleaned up. */
export function liveQemuCount(): number {
  return live.size;
}

/** Kills every QEMU instance this process started (e.g. in an afterAll hook). */
export async function killAllQemu(): Promise<void> {
  await Promise.all([...live].map((vm) => vm.kill()));
}

function describeMarker(marker: string | RegExp): string {
  return typeof marker === 'string' ? JSON.stringify(marker) : String(marker);
}

type Waiter = () => void;

/** A running QEMU instance; create it with bootQemu (or useQemu). */
export class Qemu {
  /** Temporary directory holding this instance's sockets and dumps (removed by kill()). */
  readonly tempDir: string;
  /** The full QEMU command line (for error messages and debugging). */
  readonly commandLine: string[];
  private readonly proc: ResultPromise;
  private qmpClient: QmpClient | null = null;
  private qemuPid: number | null = null;
  private serialText = '';
  private stderrText = '';
  private readonly waiters = new Set<Waiter>();
  private exitInfo: { code: number | null; signal: string | null } | null = null;
  private readonly exitPromise: Promise<void>;
  private hardTimer: ReturnType<typeof setTimeout> | null = null;
  private killing: Promise<void> | null = null;
  private killedByHarness = false;
  private timedOut = false;
  private readonly timeoutMs: number;
  private dumpCounter = 0;

  /** @internal use bootQemu */
  constructor(proc: ResultPromise, tempDir: string, commandLine: string[], timeoutMs: number, readonly elf?: string) {
    this.proc = proc;
    this.tempDir = tempDir;
    this.commandLine = commandLine;
    this.timeoutMs = timeoutMs;
    track(this);
    proc.stdout!.on('data', (chunk: Buffer | string) => {
      this.serialText += typeof chunk === 'string' ? chunk : chunk.toString('latin1');
      this.notify();
    });
    proc.stderr!.on('data', (chunk: Buffer | string) => {
      if (this.stderrText.length < 64 * 1024) this.stderrText += chunk.toString();
    });
    // Writing after QEMU has exited fails with EPIPE; sendSerial reports it.
    proc.stdin!.on('error', () => {});
    this.exitPromise = proc.then(
      (r) => {
        this.exitInfo = { code: r.exitCode ?? null, signal: r.signal === undefined ? null : String(r.signal) };
        if (r.failed && r.exitCode === undefined && r.signal === undefined && !this.stderrText) {
          this.stderrText = r.message ?? '';
        }
      },
      (err: unknown) => {
        this.exitInfo = { code: null, signal: null };
        this.stderrText += String(err);
      },
    ).finally(() => {
      // Nothing is left to talk to: drop the sockets and temp files now.
      this.cleanup();
      this.notify();
    });
    this.hardTimer = setTimeout(() => {
      this.timedOut = true;
      void this.kill();
    }, timeoutMs);
  }

  /** QEMU's process id (null until known). */
  get pid(): number | null {
    return this.qemuPid;
  }

  /** True once QEMU has exited. */
  get exited(): boolean {
    return this.exitInfo !== null;
  }

  /** All serial (COM1) output so far, one char per byte (latin1). */
  serial(): string {
    return this.serialText;
  }

  /** QEMU's own stderr output so far (its error messages). */
  stderr(): string {
    return this.stderrText;
  }

  /**
   * Resolves, as soon as `marker` appears in the serial output at or after
   * offset `since` (default 0), with the serial output up to the end of the
   * match. Rejects after `timeoutMs`, or when QEMU exits first, with an error
   * quoting the marker and the serial output so far.
   */
  waitForSerial(marker: string | RegExp, timeoutMs = DEFAULT_WAIT_MS, opts: { since?: number } = {}): Promise<string> {
    const since = opts.since ?? 0;
    const re = typeof marker === 'string' ? null : new RegExp(marker.source, marker.flags.replace(/[gy]/g, ''));
    const find = (): number => {
      if (re === null) {
        const i = this.serialText.indexOf(marker as string, since);
        return i < 0 ? -1 : i + (marker as string).length;
      }
      const m = re.exec(this.serialText.slice(since));
      return m ? since + m.index + m[0].length : -1;
    };
    const found = find();
    if (found >= 0) return Promise.resolve(this.serialText.slice(0, found));
    return new Promise<string>((resolve, reject) => {
      const finish = (err: Error | null, end = 0): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        if (err) reject(err);
        else resolve(this.serialText.slice(0, end));
      };
      const waiter: Waiter = () => {
        const end = find();
        if (end >= 0) finish(null, end);
        else if (this.exited) {
          finish(new Error(`waitForSerial: QEMU ${this.describeExit()} before ${describeMarker(marker)} appeared${this.report()}`));
        }
      };
      const timer = setTimeout(() => {
        finish(new Error(`waitForSerial: ${describeMarker(marker)} did not appear within ${timeoutMs} ms${this.report()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
      waiter(); // QEMU may have exited already
    });
  }

  /** Sends `bytes` (one char per byte, latin1) to the guest's COM1 input. */
  sendSerial(bytes: string): Promise<void> {
    if (this.exited) return Promise.reject(new Error(`sendSerial: QEMU ${this.describeExit()}${this.report()}`));
    return new Promise((resolve, reject) => {
      this.proc.stdin!.write(Buffer.from(bytes, 'latin1'), (err?: Error | null) => (err ? reject(err) : resolve()));
    });
  }

  /** Executes a QMP command (e.g. 'query-status') and resolves with its return value. */
  qmp<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
    if (!this.qmpClient) return Promise.reject(new Error('QMP is not connected'));
    return this.qmpClient.execute<T>(command, args);
  }

  /**
   * Types `text` on the PS/2 keyboard (letters, digits, punctuation, \n, \b,
   * \t) as fast as the emulated device carries it: a burst of keys that fits
   * in the PS/2 queue, then a wait until the guest has echoed that burst on
   * the serial line, then the next. On return the guest has read every key.
   * With `echo: false` nothing is waited for, and `text` must fit in one burst.
   */
  async sendKeys(text: string, opts: KeyOptions = {}): Promise<void> {
    const combos = [...text].map(charToQcodes); // validate everything before typing anything
    const echo = opts.echo ?? lineEcho;
    if (echo === false) {
      const bytes = combos.reduce((n, c) => n + scancodeBytes(c), 0);
      if (bytes > KEY_BURST_BYTES) {
        throw new Error(`sendKeys: ${JSON.stringify(text)} is ${bytes} scancode bytes, more than the ${KEY_BURST_BYTES} typed without waiting for an echo`);
      }
      for (const combo of combos) await this.pressQcodes(combo, opts.holdMs);
      return;
    }
    const chars = [...text];
    for (let i = 0; i < chars.length;) {
      const at = this.serialText.length;
      let bytes = 0;
      let expected = '';
      for (; i < chars.length && bytes + scancodeBytes(combos[i]!) <= KEY_BURST_BYTES; i++) {
        bytes += scancodeBytes(combos[i]!);
        expected += echo(chars[i]!);
        await this.pressQcodes(combos[i]!, opts.holdMs);
      }
      await this.waitForSerial(expected, DEFAULT_WAIT_MS, { since: at });
    }
  }

  /**
   * Presses a key combination such as ['ctrl', 'c'] or ['enter'] (pressed in
   * order, released in reverse). With `echo`, waits until the guest prints it
   * (after this call's start); without, the caller waits before typing more
   * than one burst (KEY_BURST_BYTES) of keys.
   */
  async sendKey(combo: string[], opts: { holdMs?: number; echo?: string } = {}): Promise<void> {
    const at = this.serialText.length;
    await this.pressQcodes(combo.map(keyNameToQcode), opts.holdMs);
    if (opts.echo !== undefined) await this.waitForSerial(opts.echo, DEFAULT_WAIT_MS, { since: at });
  }

  /** Reads `size` bytes of guest physical memory at `address` (QMP pmemsave). */
  async readMemory(address: number, size: number): Promise<Buffer> {
    const file = path.join(this.tempDir, `mem-${this.dumpCounter++}.bin`);
    await this.qmp('pmemsave', { val: address, size, filename: file });
    try {
      return fs.readFileSync(file);
    } finally {
      fs.rmSync(file, { force: true });
    }
  }

  /** The VGA text screen: 25 lines of exactly 80 characters (CP437 decoded, NUL as space). */
  async readScreen(): Promise<string[]> {
    const mem = await this.readMemory(0xb8000, 80 * 25 * 2);
    const lines: string[] = [];
    for (let row = 0; row < 25; row++) {
      let line = '';
      for (let col = 0; col < 80; col++) line += cp437Char(mem[(row * 80 + col) * 2]!);
      lines.push(line);
    }
    return lines;
  }

  /**
   * Resolves with QEMU's exit status once it exits (isa-debug-exit value v
   * gives (v<<1)|1). Rejects if it is still running after `timeoutMs`, or if
   * it was killed (by kill(), its hard timeout or a signal).
   */
  async waitForExit(timeoutMs = DEFAULT_WAIT_MS): Promise<number> {
    if (!(await this.exitsWithin(timeoutMs))) {
      throw new Error(`waitForExit: QEMU still running after ${timeoutMs} ms${this.report()}`);
    }
    const info = this.exitInfo!;
    if (this.killedByHarness || info.code === null || info.signal !== null) {
      throw new Error(`waitForExit: QEMU ${this.describeExit()}${this.report()}`);
    }
    return info.code;
  }

  /** Kills QEMU (if still running), waits for it to be gone and removes the temp files; idempotent. */
  kill(): Promise<void> {
    if (this.killing) return this.killing;
    this.killing = (async () => {
      if (!this.exited) {
        this.killedByHarness = true;
        this.signalQemu();
        // `timeout` reaps QEMU and then exits; if it somehow does not, kill
        // the whole process group (the wrapper is its leader).
        if (!(await this.exitsWithin(3000))) {
          this.killGroup();
          await this.exitPromise;
        }
      }
      this.cleanup();
    })();
    return this.killing;
  }

  /** @internal synchronous last-resort kill for the process 'exit' hook. */
  killSync(): void {
    if (!this.exited) {
      this.killedByHarness = true;
      this.signalQemu();
    }
    this.cleanup();
  }

  /** @internal */
  setQmp(client: QmpClient, qemuPid: number | null): void {
    this.qmpClient = client;
    this.qemuPid = qemuPid;
  }

  /** @internal the error-report tail: serial output and QEMU's stderr. */
  report(): string {
    let s = `\n--- serial output so far (${this.serialText.length} bytes) ---\n${this.serialText}`;
    if (!s.endsWith('\n')) s += '\n';
    s += '--- end of serial output ---';
    if (this.stderrText.trim()) s += `\n--- QEMU stderr ---\n${this.stderrText.trimEnd()}`;
    return s + this.symbolized();
  }

  /** The code addresses of the serial output, symbolized against the booted ELF ('' without one). */
  symbolized(): string {
    return this.elf ? symbolizeLog(this.serialText, this.elf) : '';
  }

  private describeExit(): string {
    if (!this.exitInfo) return 'is still running';
    if (this.timedOut) return `was killed by the harness after its ${this.timeoutMs} ms timeout`;
    if (this.killedByHarness) return 'was killed by kill()';
    if (this.exitInfo.signal) return `was killed by ${this.exitInfo.signal}`;
    const code = this.exitInfo.code;
    if (code === 124 || code === 137) return `exited with status ${code} (probably the backstop timeout)`;
    return `exited with status ${code}`;
  }

  private async pressQcodes(qcodes: string[], holdMs = 20): Promise<void> {
    try {
      await this.qmp('send-key', { keys: qcodes.map((q) => ({ type: 'qcode', data: q })), 'hold-time': holdMs });
    } catch (err) {
      // A key that makes the guest exit QEMU (e.g. 'q' -> isa-debug-exit) can
      // end QEMU before it answers: that is a delivered key, not a failure.
      if (!(err instanceof QmpConnectionError)) throw err;
      if (!(await this.exitsWithin(2000))) throw err;
    }
  }

  private async exitsWithin(ms: number): Promise<boolean> {
    if (this.exited) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const r = await Promise.race([
      this.exitPromise.then(() => true),
      new Promise<boolean>((res) => (timer = setTimeout(() => res(false), ms))),
    ]);
    clearTimeout(timer);
    return r;
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  private signalQemu(): void {
    try {
      if (this.qemuPid !== null) process.kill(this.qemuPid, 'SIGKILL');
      // coreutils timeout forwards SIGTERM to QEMU (used when its pid is not known yet).
      else if (this.proc.pid !== undefined) process.kill(this.proc.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }

  private killGroup(): void {
    if (this.proc.pid === undefined) return;
    try {
      process.kill(-this.proc.pid, 'SIGKILL');
    } catch {
      try {
        process.kill(this.proc.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  private cleanup(): void {
    if (this.hardTimer) clearTimeout(this.hardTimer);
    this.qmpClient?.close();
    fs.rmSync(this.tempDir, { recursive: true, force: true });
    untrack(this);
  }
}

/**
 * Boots `image` in a headless QEMU (COM1 on a pipe, QMP on a unix socket in a
 * fresh temp dir, isa-debug-exit at 0xf4, no network, no reboot) and resolves
 * once QMP is connected. Serial output is captured from the first byte.
 */
export async function bootQemu(opts: BootOptions): Promise<Qemu> {
  const image = path.resolve(opts.image);
  if (!fs.existsSync(image)) throw new Error(`bootQemu: image ${image} does not exist`);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_QEMU_TIMEOUT_MS;
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tskc-qemu-'));
  const qmpSocket = path.join(tempDir, 'qmp.sock');
  const pidFile = path.join(tempDir, 'qemu.pid');
  const qemuArgs = [
    '-drive', `${opts.bootDisk === 'ide' ? '' : 'if=virtio,'}format=raw,file=${image}${opts.snapshot === false ? '' : ',snapshot=on'}`,
    '-display', 'none',
    '-net', 'none',
    '-no-reboot',
    '-m', String(opts.memoryMiB ?? 128),
    ...smpArgs(opts.cpus ?? DEFAULT_CPUS, opts.extraArgs),
    '-device', `isa-debug-exit,iobase=0x${DEBUG_EXIT_PORT.toString(16)},iosize=0x04`,
    // COM1 <-> QEMU's stdin/stdout; signal=off so a ^C byte is just a byte.
    '-chardev', 'stdio,id=serial0,signal=off',
    '-serial', 'chardev:serial0',
    '-monitor', 'none',
    '-parallel', 'none',
    '-qmp', `unix:${qmpSocket},server=on,wait=off`,
    '-pidfile', pidFile,
    ...virtioDiskArgs(opts.virtioDisks ?? []),
    ...networkArgs(opts.network),
    ...(opts.extraArgs ?? []),
  ];
  const qemu = opts.qemuBinary ?? 'qemu-system-x86_64';
  // snapshot=on overlays live in $TMPDIR; keep them in our temp dir.
  const env = { TMPDIR: tempDir };
  // Backstop: coreutils `timeout` kills QEMU a little after the in-process
  // hard timeout, even if this process dies without running its exit hooks.
  const backstopSecs = Math.ceil(timeoutMs / 1000) + 5;
  const wrapper = ['timeout', '-s', 'KILL', `${backstopSecs}s`];
  let proc: ResultPromise;
  try {
    proc = execa(wrapper[0]!, [...wrapper.slice(1), qemu, ...qemuArgs], {
      stdin: 'pipe',
      stdout: 'pipe',
      stderr: 'pipe',
      encoding: 'buffer',
      buffer: false,
      reject: false,
      cleanup: false,
      env,
      detached: true, // own process group, so kill() can take down the wrapper and QEMU together
    });
  } catch (err) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    throw err;
  }
  const vm = new Qemu(proc, tempDir, [qemu, ...qemuArgs], timeoutMs, opts.elf);
  const exited = new AbortController();
  void proc.finally(() => exited.abort(new Error('QEMU exited')));
  try {
    const client = await QmpClient.connect(qmpSocket, { timeoutMs: Math.min(timeoutMs, hangLimit(30_000)), abort: exited.signal });
    let pid: number | null = null;
    try {
      pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10) || null;
    } catch {
      // QEMU writes the pid file before it opens the QMP socket; if it is
      // missing anyway, kill() falls back to signalling the wrapper.
    }
    vm.setQmp(client, pid);
  } catch (err) {
    await vm.kill();
    throw new Error(`bootQemu: QEMU did not start: ${(err as Error).message}\ncommand: ${vm.commandLine.join(' ')}${vm.report()}`);
  }
  return vm;
}

/** bootQemu for use inside a vitest test: the VM is killed when the test finishes, pass or fail. */
export async function useQemu(opts: BootOptions): Promise<Qemu> {
  const vm = await bootQemu(opts);
  onTestFinished(() => vm.kill());
  // A failed kernel test shows where in the TS code its serial output points.
  onTestFailed(() => {
    const s = vm.symbolized();
    if (s) console.error(`serial output of the failed test:\n${vm.serial()}${s}`);
  });
  return vm;
}
