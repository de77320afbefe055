// How the shell runs programs: fork, then in the child execve of the first
// word found along PATH (`/bin` when the environment has none), with the
// line's words as argv and the shell's environment. Every job gets a
// process group of its own (a pipeline's stages share their first stage's),
// and a foreground job's group becomes the console's foreground group while
// the shell waits for it, so Ctrl+C (SIGINT) reaches the job and not the
// shell, which ignores SIGINT and takes the console back afterwards. A
// child that cannot exec says why and exits with 127, as sh does.

import { ENOENT, SIG_DFL, SIG_IGN, SIGINT } from '../../kernel/syscall/numbers';
import { envValue } from '../lib/args';
import { print, printBytes, printf } from '../lib/print';
import { getpgid, setpgid, sigaction, tcflush, tcsetpgrp } from '../lib/signals';
import { execve, exit, exitCode, exited, fork, isError, termSignal, wait4 } from '../lib/sys';
import { skipSpaces, wordEnd } from '../lib/text';
import { applyRedirections } from './redirect';

/** The exit status sh gives a command it could not run. */
export const NOT_FOUND: i32 = 127;
const MAX_ARGS: i32 = 32;
const words: usize = memory.data(160); // the line's words, each NUL-terminated (a line holds at most 128 bytes)
const argv: usize = memory.data(264); // MAX_ARGS + 1 pointers
const path: usize = memory.data(256);
const statusWord: usize = memory.data(8);

/** The shell's own group, the console's foreground group whenever no job runs. */
let shellGroup: i64 = 0;
/** `$?`: the last command's status number (statusNumber). */
let last: i32 = 0;

export function lastStatus(): i32 {
  return last;
}

export function setLastStatus(n: i32): void {
  last = n & 0xff;
}

/** Start-up: the shell leads its own group, holds the console, and ignores SIGINT (Ctrl+C is for its jobs, and its line editor cancels the line). */
export function shellJobsInit(): void {
  setpgid(0, 0);
  shellGroup = getpgid(0);
  sigaction(SIGINT, u64(SIG_IGN), 0, 0);
  tcsetpgrp(0, shellGroup);
}

/** Splits [from, end) of the line at `p` into argv; the number of words. */
function splitWords(p: usize, from: usize, end: usize): i32 {
  let out: usize = 0;
  let n: i32 = 0;
  let i = skipSpaces(p, from, end);
  while (i < end && n < MAX_ARGS) {
    const e = wordEnd(p, i, end);
    store<usize>(argv + usize(n) * 8, words + out);
    memcpy(words + out, p + i, e - i);
    out += e - i;
    store<u8>(words + out, 0);
    out++;
    n++;
    i = skipSpaces(p, e, end);
  }
  store<usize>(argv + usize(n) * 8, 0);
  return n;
}

/** In the child: execve of `name` (NUL-terminated at `name`) in each directory of PATH; returns the last error. */
function execAlongPath(name: usize, nameLen: usize, envp: usize): i64 {
  let dirs = envValue('PATH');
  if (dirs == 0) dirs = changetype<usize>('/bin') + 8;
  let r: i64 = -ENOENT;
  let at = dirs;
  while (true) {
    let end = at;
    while (load<u8>(end) != 0 && load<u8>(end) != 58) end++; // ':'
    const dirLen = end - at;
    if (dirLen > 0 && dirLen + 1 + nameLen < 255) {
      memcpy(path, at, dirLen);
      store<u8>(path + dirLen, 47); // '/'
      memcpy(path + dirLen + 1, name, nameLen + 1);
      r = execve(path, argv, envp);
    }
    if (load<u8>(end) == 0) return r;
    at = end + 1;
  }
}

/**
 * Starts the program of [from, end) of the line at `p` in process group
 * `group` (0: a new group it leads); its pid, or -1 after saying why not.
 * The child's fds are the shell's at this moment (a pipeline points 0 and
 * 1 at its pipes first). `envp` is the shell's environment. A job
 * `inForeground` gets the console: its first process takes it itself, as
 * the shell does with foreground() (whichever of the two runs first).
 */
export function startProgram(p: usize, from: usize, end: usize, group: i64, envp: usize, inForeground: bool): i64 {
  const n = splitWords(p, from, end);
  if (n == 0) return -1;
  const pid = fork();
  if (pid == 0) {
    setpgid(0, group);
    if (inForeground) tcsetpgrp(0, getpgid(0)); // here too, as the shell does: the child may run before the shell gets to it

    sigaction(SIGINT, u64(SIG_DFL), 0, 0);
    const left = applyRedirections(argv, n); // `< FILE`, `> FILE`, `>> FILE` (redirect.ts)
    if (left < 0) exit(1);
    if (left == 0) {
      print('shell: no program to run\n');
      exit(1);
    }
    const name = load<usize>(argv);
    let len: usize = 0;
    while (load<u8>(name + len) != 0) len++;
    const r = execAlongPath(name, len, envp);
    if (r == -ENOENT) {
      print('unknown command: ');
      printBytes(name, len);
      print(' (try help)\n');
    } else printf(`shell: cannot run it: ${r}\n`);
    exit(NOT_FOUND);
  }
  if (isError(pid)) {
    printf(`shell: cannot start a process (${pid})\n`);
    return -1;
  }
  setpgid(pid, group == 0 ? pid : group); // also here: the shell may wait for the group before the child runs
  return pid;
}

/** Gives the console to job group `group` for the wait. */
export function foreground(group: i64): void {
  tcsetpgrp(0, group);
}

/** Takes the console back after a foreground job; when Ctrl+C ended it, the typed 0x03 is dropped with whatever else waits unread. */
export function background(status: i32): void {
  tcsetpgrp(0, shellGroup);
  if (!exited(status) && i64(termSignal(status)) == SIGINT) {
    tcflush(0);
    print('\n');
  }
}

/** Waits for child `pid`; its wait status word, or -1. */
export function waitChild(pid: i64): i32 {
  return wait4(pid, statusWord, 0) == pid ? load<i32>(statusWord) : -1;
}

/** The shell's number for wait status `s` ($?): the exit code, or 128 + the signal. */
export function statusNumber(s: i32): i32 {
  return exited(s) ? exitCode(s) : 128 + termSignal(s);
}
