// The shell's built-in commands, and programs run by name. A command line
// is words separated by spaces (`$?` stands for the last command's status);
// the first word names a built-in or else a program found along PATH
// (`hello world`), which run.ts starts with fork and execve (`< FILE`,
// `> FILE` and `>> FILE` among its words, redirect.ts). A line ending
// in `&` runs its program in the background: the shell prints `[PID]` and
// takes the next line at once; `jobs` lists what runs in the background and
// `wait` waits for all of it. The `spawn` built-in uses tskc's own spawn
// call (no job control: the child stays in the shell's group). tskc's own
// calls (spawn, meminfo, uptime) may answer -ENOSYS (on Linux, or an older
// kernel): the command then says so and the shell goes on.

import { ENOENT, ENOSYS } from '../../kernel/syscall/numbers';
import { environ } from '../lib/args';
import { print, printBytes, printf, println } from '../lib/print';
import { bytesEqual, parseDecimal, skipSpaces, wordEnd } from '../lib/text';
import { errnoName, exit, exitCode, exited, getpid, isError, meminfo, MemInfo, spawn, termSignal, uptime } from '../lib/sys';
import { cd, pwd } from './dirs';
import { expandedLength, expandStatus } from './expand';
import { isPipeline, runPipeline } from './pipeline';
import { background, foreground, NOT_FOUND, setLastStatus, startProgram, statusNumber, waitChild } from './run';

const info = new MemInfo();
/** The most background jobs at once. */
const MAX_JOBS: i32 = 16;
/** The pids of the background jobs not waited for yet (0: a free entry). */
const jobs = new Int64Array(16);

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
  println('  cd [DIR]      change the current directory (to / without DIR)');
  println('  pwd           the current directory');
  println('  jobs          the background jobs');
  println('  wait          wait for every background job');
  println('  exit [CODE]   leave the shell');
  println('any other NAME runs that program; < FILE gives it FILE as input, > FILE and >> FILE its output; a line ending in & runs it in the background; $? is the last status');
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

/** Says how `spawn` ended (a spawn status: 0–255 from exit, 256 + the vector of a fault), if not with 0. */
function reportSpawned(status: i64): void {
  setLastStatus(i32(status < 256 ? status : 128 + 11));
  if (status == 0) return;
  if (status >= 256) printf(`spawn: killed by CPU exception ${status - 256}\n`);
  else printf(`spawn: exited with status ${status}\n`);
}

/** `spawn NAME ARGS…` through tskc's spawn call: runs and waits. */
function runSpawned(p: usize, from: usize, end: usize): void {
  const status = spawn(p + from, end - from);
  if (!isError(status)) return reportSpawned(status);
  if (-status == ENOENT) {
    print('spawn: no program named ');
    printBytes(p + from, wordEnd(p, from, end) - from);
    return print('\n');
  }
  failed('spawn', status);
}

/** Says how the program named by the `len` bytes at `name` ended (wait status `s`), unless with 0 or as a command not found. */
export function reportEnd(name: usize, len: usize, s: i32): void {
  if (exited(s) && (exitCode(s) == 0 || exitCode(s) == NOT_FOUND)) return;
  printBytes(name, len);
  if (exited(s)) printf(`: exited with status ${exitCode(s)}\n`);
  else printf(`: killed by signal ${termSignal(s)}\n`);
}

/** Runs the program the `end - from` bytes at p + from name in the foreground: the console's Ctrl+C goes to it while the shell waits. */
function runProgram(p: usize, from: usize, end: usize): void {
  const pid = startProgram(p, from, end, 0, environ(), true);
  if (pid < 0) return;
  foreground(pid);
  const s = waitChild(pid);
  background(s);
  setLastStatus(statusNumber(s));
  reportEnd(p + from, wordEnd(p, from, end) - from, s);
}

/** `spawn NAME ARGS…`: the rest of the line, from NAME on, is the child's command line. */
function runSpawn(p: usize, from: usize, end: usize): void {
  if (from == end) return println('spawn: which program? (spawn NAME [ARGS])');
  runSpawned(p, from, end);
}

/** A free entry of the job table, or -1. */
function freeJob(): i32 {
  for (let i: i32 = 0; i < MAX_JOBS; i++) if (jobs[i] == 0) return i;
  return -1;
}

const TOO_MANY_JOBS = 'shell: too many background jobs; wait for them first';

/** Remembers background job `pid` and prints it (a full job table loses it: `wait` will not take it). */
function addJob(pid: i64): void {
  const slot = freeJob();
  if (slot < 0) return println(TOO_MANY_JOBS);
  jobs[slot] = pid;
  printf(`[${pid}]\n`);
}

/** Starts the program of the line in the background, in a group of its own, and remembers its pid. */
function runBackground(p: usize, from: usize, end: usize): void {
  if (freeJob() < 0) return println(TOO_MANY_JOBS); // before starting what could not be waited for
  const pid = startProgram(p, from, end, 0, environ(), false);
  if (pid > 0) addJob(pid);
}

function listJobs(): void {
  for (let i: i32 = 0; i < MAX_JOBS; i++) if (jobs[i] != 0) printf(`[${jobs[i]}] started\n`);
}

/** `wait`: takes the status of every background job, oldest slot first. */
function waitJobs(): void {
  for (let i: i32 = 0; i < MAX_JOBS; i++) {
    const pid = jobs[i];
    if (pid == 0) continue;
    jobs[i] = 0;
    const s = waitChild(pid);
    if (s < 0) printf(`[${pid}] already taken\n`);
    else if (exited(s) && exitCode(s) == 0) printf(`[${pid}] done\n`);
    else if (exited(s)) printf(`[${pid}] exited with status ${exitCode(s)}\n`);
    else printf(`[${pid}] killed by signal ${termSignal(s)}\n`);
  }
}

/** Runs the command line of `len` bytes at `line`, `$?` expanded. */
export function runCommand(line: usize, lineLen: usize): void {
  const p = expandStatus(line, lineLen);
  const len = expandedLength();
  const start = skipSpaces(p, 0, len);
  if (start == len) return; // an empty line
  let end = len;
  while (end > start && load<u8>(p + end - 1) == 32) end--;
  const background = load<u8>(p + end - 1) == 38; // '&'
  if (background) {
    end--;
    while (end > start && load<u8>(p + end - 1) == 32) end--;
    if (end == start) return println('shell: & needs a command before it');
  }
  if (isPipeline(p, start, end)) {
    runPipeline(p, start, end, background, addJob, reportEnd);
    return;
  }
  const nameEnd = wordEnd(p, start, end);
  const name = p + start;
  const nameLen = nameEnd - start;
  const rest = skipSpaces(p, nameEnd, end);
  if (bytesEqual(name, nameLen, 'help')) help();
  else if (bytesEqual(name, nameLen, 'echo')) {
    printBytes(p + rest, end - rest);
    print('\n');
  } else if (bytesEqual(name, nameLen, 'pid')) printf(`${getpid()}\n`);
  else if (bytesEqual(name, nameLen, 'mem')) mem();
  else if (bytesEqual(name, nameLen, 'uptime')) showUptime();
  else if (bytesEqual(name, nameLen, 'jobs')) listJobs();
  else if (bytesEqual(name, nameLen, 'wait')) waitJobs();
  else if (bytesEqual(name, nameLen, 'spawn')) runSpawn(p, rest, end);
  else if (bytesEqual(name, nameLen, 'cd')) cd(p + rest, wordEnd(p, rest, end) - rest);
  else if (bytesEqual(name, nameLen, 'pwd')) pwd();
  else if (bytesEqual(name, nameLen, 'exit')) {
    const code = rest == end ? 0 : parseDecimal(p + rest, wordEnd(p, rest, end) - rest);
    if (code < 0 || code > 255) return println('exit: the status must be a number from 0 to 255');
    exit(i32(code));
  } else if (background) runBackground(p, start, end);
  else runProgram(p, start, end);
}
