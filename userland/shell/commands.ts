// The shell's built-in commands. A command line is words separated by
// spaces; the first word names the command. Calls tskc's own syscalls
// (spawn, meminfo, uptime) may answer -ENOSYS (on Linux, or an older
// kernel): the command then says so and the shell goes on.

import { ENOENT, ENOSYS } from '../../kernel/syscall/numbers';
import { print, printBytes, printf, println } from '../lib/print';
import { bytesEqual, parseDecimal, skipSpaces, wordEnd } from '../lib/text';
import { errnoName, exit, getpid, isError, meminfo, MemInfo, spawn, uptime } from '../lib/sys';

const info = new MemInfo();

/** Reports a failed call of command `name`: a clear sentence for ENOSYS, the errno otherwise. */
function failed(name: string, result: i64): void {
  const errno = -result;
  if (errno == ENOSYS) printf(`${name}: not supported by this kernel (ENOSYS)\n`);
  else printf(`${name}: failed: ${errnoName(errno)} (${errno})\n`);
}

function help(): void {
  println('built-in commands:');
  println('  help          this list');
  println('  echo TEXT     print TEXT');
  println('  pid           the shell\'s process id');
  println('  mem           free and total frames, heap use');
  println('  uptime        time since boot');
  println('  spawn NAME    run program NAME (with arguments) and wait for it');
  println('  exit [CODE]   leave the shell');
}

function mem(): void {
  const r = meminfo(info);
  if (isError(r)) return failed('mem', r);
  printf(`frames: ${info.freeFrames} free of ${info.totalFrames} (${info.freeFrames * 4} KiB free)\n`);
  printf(`heap: ${info.heapUsed} bytes used, ${info.heapFree} bytes free\n`);
}

function showUptime(): void {
  const ms = uptime();
  if (isError(ms)) return failed('uptime', ms);
  printf(`up ${ms / 1000}.${(ms % 1000) / 100} s (${ms} ms)\n`);
}

/** `spawn NAME ARGS…`: the rest of the line, from NAME on, is the child's command line. */
function runSpawn(p: usize, from: usize, end: usize): void {
  if (from == end) return println('spawn: which program? (spawn NAME [ARGS])');
  const status = spawn(p + from, end - from);
  if (!isError(status)) {
    if (status >= 256) printf(`spawn: killed by CPU exception ${status - 256}\n`);
    else if (status != 0) printf(`spawn: exited with status ${status}\n`);
    return;
  }
  if (-status == ENOENT) {
    print('spawn: no program named ');
    printBytes(p + from, wordEnd(p, from, end) - from);
    print('\n');
    return;
  }
  failed('spawn', status);
}

/** Runs the command line of `len` bytes at `p`. */
export function runCommand(p: usize, len: usize): void {
  const start = skipSpaces(p, 0, len);
  if (start == len) return; // an empty line
  const nameEnd = wordEnd(p, start, len);
  const name = p + start;
  const nameLen = nameEnd - start;
  const rest = skipSpaces(p, nameEnd, len);
  if (bytesEqual(name, nameLen, 'help')) help();
  else if (bytesEqual(name, nameLen, 'echo')) {
    printBytes(p + rest, len - rest);
    print('\n');
  } else if (bytesEqual(name, nameLen, 'pid')) printf(`${getpid()}\n`);
  else if (bytesEqual(name, nameLen, 'mem')) mem();
  else if (bytesEqual(name, nameLen, 'uptime')) showUptime();
  else if (bytesEqual(name, nameLen, 'spawn')) runSpawn(p, rest, len);
  else if (bytesEqual(name, nameLen, 'exit')) {
    const code = rest == len ? 0 : parseDecimal(p + rest, wordEnd(p, rest, len) - rest);
    if (code < 0 || code > 255) return println('exit: the status must be a number from 0 to 255');
    exit(i32(code));
  } else {
    print('unknown command: ');
    printBytes(name, nameLen);
    println(' (try help)');
  }
}
