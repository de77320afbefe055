// The shell's current directory: the `cd` and `pwd` built-ins, and the
// prompt, which shows it (`tskc:/home$ `). `cd` with no argument goes to
// `/`. A kernel without getcwd (or a directory too long for the buffer)
// shows `?` instead.

import { writeString } from '../../kernel/lib/fmt';
import { print, printBytes, printf, putOut } from '../lib/print';
import { chdir, errnoName, getcwd, isError } from '../lib/sys';
import { cstrLength } from '../lib/text';

/** The longest directory path the shell shows (the kernel keeps at most 256 bytes). */
const CWD_BYTES: usize = 256;
const cwd: usize = memory.data(256);
const target: usize = memory.data(256);

/**
 * Prints the prompt: `tskc:DIR$ `, in one write (the bytes gather in
 * print.ts's buffer and leave with the last print), so a background job's
 * output never lands in the middle of it.
 */
export function printPrompt(): void {
  writeString('tskc:', putOut);
  if (isError(getcwd(cwd, CWD_BYTES))) putOut(63); // '?'
  else {
    const n = cstrLength(cwd);
    for (let i: usize = 0; i < n; i++) putOut(load<u8>(cwd + i));
  }
  print('$ ');
}

/** `pwd`: the current directory on a line. */
export function pwd(): void {
  const r = getcwd(cwd, CWD_BYTES);
  if (isError(r)) return printf(`pwd: failed: ${errnoName(-r)} (${-r})\n`);
  printBytes(cwd, cstrLength(cwd));
  print('\n');
}

/** `cd [DIR]`: the `len` bytes at `dir` (none: `/`) become the current directory. */
export function cd(dir: usize, len: usize): void {
  if (len >= CWD_BYTES) return print('cd: the path is too long\n');
  if (len == 0) store<u16>(target, 47); // "/" and its NUL
  else {
    memcpy(target, dir, len);
    store<u8>(target + len, 0);
  }
  const r = chdir(target);
  if (!isError(r)) return;
  print('cd: ');
  printBytes(target, cstrLength(target));
  printf(`: ${errnoName(-r)} (${-r})\n`);
}
